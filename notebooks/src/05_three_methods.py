# %% [markdown] tags=["lang-ko"]
# # 05. 세 가지 업샘플링 방법 비교
#
# 원문의 "3가지 방법 비교" 절은 `(1, 256, 14, 14)` 특징 맵을 `(1, 128, 28, 28)`로 키우는 세 방법의 파라미터 수를
# 코드로 보이고, 체커보드·속도·품질·사용처를 표로 정리합니다. 이 레슨에서는 그 숫자를 확인하고 비용을 재서 **표를 측정값으로
# 다시 만들고**, 세 방법이 한 가족임을 보인 뒤 "무엇을 써야 하나"에 답합니다.

# %% [markdown] tags=["lang-en"]
# # 05. The three methods compared
#
# The source document shows in code the parameter counts of three ways to grow a `(1, 256, 14, 14)` feature map
# to `(1, 128, 28, 28)` and tabulates checkerboards, speed, quality and typical use. We check its numbers, measure
# the cost, **rebuild the table from measurements**, show that the three methods are one family, and answer
# "which one should I use".

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** 세 방법의 파라미터 수와 곱셈-덧셈 수를 공식으로 계산하고, 원문의 비교표에서 틀린 곳을 측정값으로 짚고, 스트라이드 2 전치 합성곱의 각 출력 위상에 어느 탭이 닿는지 손으로 적어 세 방법이 한 가족임을 설명하고, 원하는 보장에 따라 방법을 고를 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** compute the three methods' parameters and multiply-adds from formulas, show with measurements where the document's table is wrong, write down by hand which taps reach each output phase of a stride-2 transposed convolution to explain the three methods as one family, and choose a method by the guarantee you need.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 원문의 파라미터 수 가운데 두 개는 틀렸습니다. 1절에서 출력되는 값이 맞는 값입니다. CPU 시간은
# 컴퓨터마다 다르므로 노트북에 저장된 값을 인용하지 말고 강의실 컴퓨터에서 다시 실행해 보여 주세요. 시간 측정 셀과 5절의 비교표
# 셀은 nbval이 비교하지 않습니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** Two of the document's parameter counts are wrong; the values printed in section 1 are the
# right ones. CPU times depend on the machine, so do not quote the stored values: rerun the cells on the classroom
# machine. nbval does not compare the timing cell or the section-5 table cell.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import copy

import torch
from IPython.display import Markdown
from torch import nn
from torch.nn import functional as F
from torch.utils import benchmark
from torch.utils.flop_counter import FlopCounterMode

from course_utils.claims import claim, close
from course_utils.comparison import Measured, markdown_table
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.i18n import message
from course_utils.memory import parameter_bytes, saved_for_backward_bytes, trace_activations
from course_utils.metrics import checkerboard_strength, strength_verdict
from course_utils.notebook import setup

torch.set_grad_enabled(False)
setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 원문의 세 방법과 파라미터 수
#
# 원문의 코드를 그대로 옮겼습니다. 방법 2는 원문처럼 `align_corners=True`인 쌍선형 보간을 씁니다.

# %% [markdown] tags=["lang-en"]
# ## 1. The document's three methods and their parameter counts
#
# Here is the document's code as it stands; method 2 uses bilinear interpolation with `align_corners=True`.

# %%
def build_methods():
    return {
        "1 TransConv": nn.ConvTranspose2d(256, 128, 4, stride=2, padding=1),
        "2 Upsample+Conv": nn.Sequential(
            nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True),
            nn.Conv2d(256, 128, 3, padding=1),
        ),
        "3 PixelShuffle": nn.Sequential(nn.Conv2d(256, 128 * 4, 3, padding=1), nn.PixelShuffle(2)),
    }


x = torch.randn(1, 256, 14, 14)
methods = build_methods()
document = {"1 TransConv": 524_416, "2 Upsample+Conv": 295_168, "3 PixelShuffle": 295_040}
for name, method in methods.items():
    params = sum(p.numel() for p in method.parameters())
    claim(f"{name:<16} {tuple(method(x).shape)}  Σ numel: {params:>9,} == {document[name]:>9,}",
          params == document[name], expected=name == "1 TransConv")

# %% [markdown] tags=["lang-ko"]
# 출력 크기는 셋 다 원문대로 `(1, 128, 28, 28)`이지만 파라미터 수는 방법 1만 맞습니다. 합성곱 층의 파라미터는
# $C_{out} \cdot C_{in} \cdot K^2$(가중치) $+\ C_{out}$(편향)입니다.

# %% [markdown] tags=["lang-en"]
# All three output shapes are `(1, 128, 28, 28)` as claimed, but only method 1's parameter count is right. A
# convolution layer has $C_{out} \cdot C_{in} \cdot K^2$ weights plus $C_{out}$ biases:

# %%
print("1 TransConv:     ", 256 * 128 * 4 * 4 + 128)
print("2 Upsample+Conv: ", 128 * 256 * 3 * 3 + 128)
print("3 PixelShuffle:  ", (128 * 4) * 256 * 3 * 3 + 128 * 4)

# %% [markdown] tags=["lang-ko"]
# - 방법 2는 295,040개로, 원문의 295,168개보다 편향 한 벌(128개)이 적습니다.
# - 방법 3은 1,180,160개입니다. 3×3 합성곱이 출력 채널을 $128 \times 2^2 = 512$개 만들기 때문에 방법 2의 **4배**입니다.
#   원문이 방법 3에 적은 295,040은 사실 방법 2의 값입니다.
#
# 파라미터 수는 방법 2 < 방법 1 < 방법 3입니다.

# %% [markdown] tags=["lang-en"]
# - Method 2 has 295,040, one set of 128 biases fewer than the document's 295,168.
# - Method 3 has 1,180,160: its 3×3 convolution outputs $128 \times 2^2 = 512$ channels, **4 times** method 2. The
#   document's 295,040 for method 3 is method 2's count.
#
# By parameters: method 2 < method 1 < method 3.

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 심화: 원문이 설명하지 않은 `align_corners=True`
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# 원문의 방법 2는 `align_corners=True`를 아무 설명 없이 씁니다. 이 인자는 쌍선형 보간이 출력 픽셀마다 입력의 어느
# 좌표에서 값을 읽을지 정합니다. `True`이면 입력과 출력의 양 끝 픽셀 중심을 맞춥니다. 입력 $I$칸을 출력 $O$칸으로
# 키우면 출력 픽셀 $j$는 입력 좌표 $j\,(I-1)/(O-1)$을 읽습니다. PyTorch의 기본값은 `False`입니다. 이때는 픽셀을
# 넓이가 1인 칸으로 보고 칸의 바깥 경계를 맞추므로, 2배 업샘플링에서 출력 픽셀 $j$는 입력 좌표 $(j + 0.5)/2 - 0.5$를
# 읽고, 범위를 벗어난 좌표는 가장자리로 자릅니다. 입력 0, 1, 2, 3을 넣으면 보간한 값이 곧 읽은 좌표이므로 두
# 격자를 그대로 볼 수 있습니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### Deep dive: the document's unexplained `align_corners=True`
# You can skip it; nothing later depends on it.
#
# The document's method 2 uses `align_corners=True` without a word of explanation. The argument decides which
# input coordinate bilinear interpolation reads for each output pixel. With `True`, the centres of the first and
# last pixels of input and output are aligned: growing $I$ pixels to $O$, output pixel $j$ reads input
# coordinate $j\,(I-1)/(O-1)$. PyTorch's default is `False`: pixels are unit-wide cells whose outer edges are
# aligned, so for 2× upsampling output pixel $j$ reads input coordinate $(j + 0.5)/2 - 0.5$, and coordinates
# outside the input are clamped to the border. Feeding the values 0, 1, 2, 3 makes the interpolated value the
# coordinate read, so we can see both grids.

# %% tags=["deep-dive"]
positions = torch.arange(4, dtype=torch.float64).view(1, 1, 1, 4)
for corners in (True, False):
    read = F.interpolate(positions, scale_factor=2, mode="bilinear", align_corners=corners)[0, 0, 0]
    print(f"align_corners={corners!s:<5}", [round(v, 4) for v in read.tolist()])
    claim("    Δ == 1/2", close(read[1:-1].diff(), torch.full((5,), 0.5, dtype=torch.float64)),
          expected=not corners)
default = F.interpolate(positions, scale_factor=2, mode="bilinear")
claim("interpolate(mode='bilinear') == align_corners=False", close(default, F.interpolate(positions, scale_factor=2, mode="bilinear",
                                                                      align_corners=False)))

# %% [markdown] tags=["lang-ko", "deep-dive"]
# `True`의 간격은 $3/7$이지 $1/2$이 아닙니다. 출력이 정확히 2배인데도 출력 격자가 입력 격자와 2:1로 맞지 않고,
# 간격이 입력 크기에 따라 달라집니다(원문의 14 → 28이면 $13/27$). `False`에서는 안쪽 간격이 정확히 $1/2$이고,
# 입력 픽셀 하나가 출력 픽셀 둘을 낳습니다. 원문은 왜 `True`를 썼는지 밝히지 않았습니다. 이 레슨의 파라미터 수,
# 출력 크기, 체커보드 판정(상수 입력은 어느 쪽으로 보간해도 평평함)은 이 선택과 상관없습니다. 기본값은 PyTorch 문서
# [`torch.nn.Upsample`](https://pytorch.org/docs/stable/generated/torch.nn.Upsample.html)에 적혀 있습니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# With `True` the spacing is $3/7$, not $1/2$: although the output is exactly twice as large, its grid is not
# aligned 2:1 with the input grid, and the spacing depends on the input size ($13/27$ for the document's 14 → 28).
# With `False` the interior spacing is exactly $1/2$ and every input pixel gives rise to two output pixels. The
# document does not say why it chose `True`. This lesson's parameter counts, output shapes and checkerboard
# verdict (a constant input stays flat either way) do not depend on the choice. The default is documented in
# PyTorch's
# [`torch.nn.Upsample`](https://pytorch.org/docs/stable/generated/torch.nn.Upsample.html).

# %% [markdown] tags=["lang-ko"]
# ## 2. 곱셈-덧셈 수
#
# 계산량은 `torch.utils.flop_counter.FlopCounterMode`로 잽니다. 곱셈-덧셈 하나를 FLOP 2개로 세므로 2로 나눕니다.
# `meta` 장치에 만든 모듈은 계산 없이 모양만으로 세므로 큰 입력 `(8, 256, 56, 56)`도 바로 셉니다. 합성곱과 행렬
# 곱만 세고, 보간과 픽셀 셔플(값을 옮기기만 함)은 세지 않습니다.

# %% [markdown] tags=["lang-en"]
# ## 2. Multiply-adds
#
# `torch.utils.flop_counter.FlopCounterMode` counts the work (a multiply-add is 2 FLOPs, so we halve it), from
# shapes alone on the `meta` device, so the large input `(8, 256, 56, 56)` is free. It counts convolutions and
# matrix products, not interpolation or the pixel shuffle (which moves values).

# %%
SIZES = {"small": (1, 256, 14, 14), "large": (8, 256, 56, 56)}


def multiply_adds(module, x):
    with FlopCounterMode(display=False) as counter:
        module(x)
    return counter.get_total_flops() // 2


with torch.device("meta"):
    meta_methods = build_methods()

macs = {}
for size, shape in SIZES.items():
    for name, method in meta_methods.items():
        macs[name, size] = multiply_adds(method, torch.empty(shape, device="meta"))
        ratio = macs[name, size] / macs["1 TransConv", size]
        print(f"{str(shape):<18} {name:<16} {macs[name, size]:>15,} MAC  (× {ratio:.2f})")

# %% [markdown] tags=["lang-ko"]
# 공식으로 확인합니다. 방법 1은 **입력** 픽셀마다 $C_{in} C_{out} K^2$번, 방법 2는 **출력** 픽셀마다
# $C_{in} C_{out} \cdot 9$번, 방법 3은 입력 픽셀마다 $C_{in} \cdot 4C_{out} \cdot 9$번 곱해 더합니다. 출력 픽셀은 입력
# 픽셀의 4배이므로 방법 2와 3은 **정확히 같은** 양이고, 방법 1의 $36/16 = 2.25$배입니다. 세지 않은 쌍선형 보간은
# 값 하나에 곱셈 4번으로 잡아도 방법 2의 0.35%입니다.

# %% [markdown] tags=["lang-en"]
# By formula: method 1 does $C_{in} C_{out} K^2$ multiply-adds per **input** pixel, method 2
# $C_{in} C_{out} \cdot 9$ per **output** pixel, method 3 $C_{in} \cdot 4C_{out} \cdot 9$ per input pixel. With 4 output
# pixels per input pixel, methods 2 and 3 do **exactly the same** work, $36/16 = 2.25$ times method 1. The
# uncounted bilinear interpolation, at 4 multiplications per value, is 0.35% of method 2.

# %%
n, c_in, h, w = SIZES["small"]
claim("MAC(1) == C_in·C_out·16·H·W", macs["1 TransConv", "small"] == n * c_in * 128 * 16 * h * w)
claim("MAC(2) == C_in·C_out·9·2H·2W", macs["2 Upsample+Conv", "small"] == n * c_in * 128 * 9 * (2 * h) * (2 * w))
claim("MAC(3) == MAC(2)", macs["3 PixelShuffle", "small"] == macs["2 Upsample+Conv", "small"])
interpolated = n * c_in * (2 * h) * (2 * w)
share = 4 * interpolated / macs["2 Upsample+Conv", "small"]
print("bilinear 4 × interpolated:", 4 * interpolated, f"= {share:.2%} × MAC(2)")

# %% [markdown] tags=["lang-ko"]
# ## 3. 메모리: 파라미터와 활성값
#
# `course_utils.memory`는 순전파에서 **새로 만든 텐서**, 동시에 살아 있는 텐서(입력 포함)가 가장 클 때의 크기,
# 역전파를 위해 autograd가 **저장해 두는** 활성값을 `meta` 장치에서 모양만으로 잽니다(재는 방법은 이 절 끝의
# 심화에 있습니다).

# %% [markdown] tags=["lang-en"]
# ## 3. Memory: parameters and activations
#
# `course_utils.memory` records every **new tensor** of the forward pass, the most bytes alive at once (input
# included), and what autograd **saves** for the backward pass, from shapes alone on the `meta` device (how: this
# section's deep dive).

# %%
MiB = 2**20
for size, shape in SIZES.items():
    x_meta = torch.empty(shape, device="meta")
    for name, method in meta_methods.items():
        trace = trace_activations(method, x_meta)
        made = ", ".join(f"{a.op}() {a.shape} {a.bytes / MiB:.2f}" for a in trace.allocations)
        print(f"{str(shape):<18} {name:<16}", message("outputs.parameters_mib", LANG, mib=f"{parameter_bytes(method) / MiB:.2f}"))
        print(f"{'':<35}", message("outputs.new_tensors", LANG, made=made))
        print(f"{'':<35}", message("outputs.peak_saved", LANG, peak=f"{trace.peak_bytes / MiB:.2f}",
                                     saved=f"{saved_for_backward_bytes(method, x_meta) / MiB:.2f}"))

# %% [markdown] tags=["lang-ko"]
# 원문은 픽셀 셔플의 단점으로 "메모리 사용량 증가 (중간에 채널 폭발)"를 듭니다. 측정해 보면 사정이 다릅니다.
#
# - 방법 3의 중간 텐서 `(1, 512, 14, 14)`는 원소 수가 출력 `(1, 128, 28, 28)`과 **똑같습니다**(채널 4배, 픽셀
#   1/4). 방법 2의 중간 텐서 `(1, 256, 28, 28)`은 그 **2배**입니다.
# - 그래서 순전파의 최대 메모리는 방법 1 < 방법 3 < 방법 2 순이고, 학습 때 역전파용으로 저장하는 활성값은 방법 2가
#   나머지의 4배입니다(2배로 키운 입력을 저장하므로).
# - 픽셀 셔플이 실제로 더 쓰는 것은 **파라미터**로, 4.50 MiB는 방법 2(1.13 MiB)의 4배입니다.

# %% [markdown] tags=["lang-en"]
# The document names "more memory (channels explode in the middle)" (translated) as the pixel shuffle's drawback.
# The measurements say otherwise.
#
# - Method 3's intermediate `(1, 512, 14, 14)` has **exactly as many** elements as the output `(1, 128, 28, 28)`
#   (4 times the channels, a quarter of the pixels); method 2's `(1, 256, 28, 28)` has **twice** as many.
# - So the forward peaks rank method 1 < method 3 < method 2, and for training method 2 saves 4 times the
#   activations of the others (it keeps its upsampled input).
# - What the pixel shuffle spends more of is **parameters**: 4.50 MiB, 4 times method 2 (1.13 MiB).

# %%
claim("1·512·14·14 == 1·128·28·28", (1 * 512 * 14 * 14) == (1 * 128 * 28 * 28))
print("(1·256·28·28) / (1·128·28·28):", (1 * 256 * 28 * 28) / (1 * 128 * 28 * 28))

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 심화: 활성값을 재는 방법
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# `TorchDispatchMode`로 PyTorch 연산이 돌려주는 텐서를 하나하나 가로채 그 바이트 수(원소 수 × 4바이트)를 더하고,
# 텐서가 해제되면 뺍니다. 뷰와 제자리 연산의 결과는 새 메모리가 아니므로 세지 않습니다. `meta` 장치는 CPU 대신
# 모양만 계산하는데, 한 가지 차이가 있습니다. `setup()`이 켜는 결정적 알고리즘 모드에서는 `F.interpolate`의
# 쌍선형 보간이 CPU가 아닌 장치(`meta` 포함)에서 작은 연산 30여 개로 분해되어 실행됩니다(PyTorch 소스
# `torch/nn/functional.py`). CPU는 이 임시 텐서를 만들지 않습니다. 그래서 `course_utils.memory`는 `meta` 장치에서
# 잴 때 이 모드를 잠시 끄고 CPU와 같은 경로를 따릅니다. 다음 셀은 작은 입력의 방법 2를 CPU에서 실제로 실행해
# 같은 기록이 나오는지 확인합니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### Deep dive: how the activations are measured
# You can skip it; nothing later depends on it.
#
# A `TorchDispatchMode` intercepts every tensor a PyTorch operator returns, adds its bytes (elements × 4 bytes) and
# subtracts them when the tensor is freed. Views and in-place results are not new memory and are not counted. The
# `meta` device stands in for the CPU, computing shapes only, with one difference: under the deterministic
# algorithms mode that `setup()` turns on, `F.interpolate`'s bilinear mode runs as a decomposition into about 30
# smaller operators on every device except the CPU, `meta` included (PyTorch source, `torch/nn/functional.py`).
# The CPU creates none of those temporaries, so on the `meta` device `course_utils.memory` turns the mode off while
# it measures and follows the CPU's path. The next cell runs method 2 on the small input on the CPU for real and
# checks that it gives the same record.

# %% tags=["deep-dive"]
on_meta = trace_activations(meta_methods["2 Upsample+Conv"], torch.empty(SIZES["small"], device="meta"))
on_cpu = trace_activations(methods["2 Upsample+Conv"], x)
claim("2 Upsample+Conv  CPU == meta", on_cpu == on_meta)
claim("peak == x + upsampled + output", on_cpu.peak_bytes == (256 * 14 * 14 + 256 * 28 * 28 + 128 * 28 * 28) * 4)

# %% [markdown] tags=["lang-ko"]
# ## 4. CPU 시간
#
# `torch.utils.benchmark.Timer`의 `blocked_autorange`는 준비 실행 뒤 작은 입력은 0.3초, 큰 입력은 3초 동안 반복해
# 중앙값과 사분위 범위(IQR)를 줍니다. 시간은 실행마다, 컴퓨터마다 다릅니다.
#
# **GPU 시간은 기록하지 않았습니다**(재지 않은 숫자는 적지 않습니다). GPU가 있다면 모듈과
# 입력을 `.cuda()`로 옮겨 같은 셀을 실행해 보세요. `Timer`는 필요할 때 CUDA를 동기화합니다
# ([문서](https://pytorch.org/docs/stable/benchmark_utils.html)).

# %% [markdown] tags=["lang-en"]
# ## 4. CPU time
#
# `torch.utils.benchmark.Timer`'s `blocked_autorange` repeats the call after a warm-up for 0.3 s (small input) or
# 3 s (large) and reports the median and interquartile range (IQR). Times vary by run and machine.
#
# **GPU times: not recorded** (we write down no number we did not measure). With a GPU, move
# modules and inputs to `.cuda()` and rerun: `Timer` synchronizes CUDA when necessary
# ([documentation](https://pytorch.org/docs/stable/benchmark_utils.html)).

# %%
# NBVAL_IGNORE_OUTPUT
# reason: wall-clock times differ on every run and machine
def cpu_time(module, x, min_run_time):
    timer = benchmark.Timer("module(x)", globals={"module": module, "x": x}, num_threads=torch.get_num_threads())
    return timer.blocked_autorange(min_run_time=min_run_time)


timings = {}
for size, min_run_time in [("small", 0.3), ("large", 3.0)]:
    x_size = torch.randn(SIZES[size])
    for name, method in methods.items():
        measured = cpu_time(method, x_size, min_run_time)
        timings[name, size] = measured
        print(f"{str(SIZES[size]):<18} {name:<16}", message("outputs.timing", LANG, median=f"{measured.median * 1e3:8.1f}",
                                                            iqr=f"{measured.iqr * 1e3:6.1f}", runs=len(measured.times)))
print("torch.get_num_threads():", torch.get_num_threads(), "| torch.__version__:", torch.__version__)

# %% [markdown] tags=["lang-ko"]
# ## 5. 측정값으로 다시 만든 비교표
#
# 체커보드 열은 레슨 04의 강도(초기화 직후, 상수 입력, 테두리 4픽셀 제외)입니다. ICNR 픽셀 셔플(Aitken 외 2017)을
# 한 줄 더 넣었고, 비용이 같으므로 시간은 방법 3의 값입니다. 품질은 학습이 필요해 재지 않고, 사용처는 인용한
# 논문에서 가져왔습니다.

# %% [markdown] tags=["lang-en"]
# ## 5. The comparison table, rebuilt from measurements
#
# The checkerboard column is lesson 04's strength (at initialization, constant input, 4-pixel border dropped). An
# extra row holds the ICNR pixel shuffle (Aitken et al. 2017), with method 3's times (same cost). Quality needs
# training and is not measured; typical uses come from the cited papers.

# %%
def icnr_(conv, scale):
    """ICNR (Aitken et al. 2017, lesson 04): identical sub-pixel kernels and biases at initialization."""
    base = nn.Conv2d(conv.in_channels, conv.out_channels // scale**2, conv.kernel_size, padding=conv.padding)
    conv.weight.copy_(base.weight.repeat_interleave(scale**2, dim=0))
    conv.bias.copy_(base.bias.repeat_interleave(scale**2))
    return conv


icnr_method = nn.Sequential(icnr_(nn.Conv2d(256, 128 * 4, 3, padding=1), 2), nn.PixelShuffle(2))
flat = torch.ones(1, 256, 14, 14)
strength = {name: checkerboard_strength(method(flat)) for name, method in methods.items()}
strength["3 PixelShuffle + ICNR"] = checkerboard_strength(icnr_method(flat))
for name, value in strength.items():
    print(f"{name:<22} checkerboard_strength {value:.3f}  {strength_verdict(value, LANG)}")

# %%
# NBVAL_IGNORE_OUTPUT
# reason: the table holds the wall-clock times measured above
rows = [
    Measured(name, strength[name], macs[name, "small"], sum(p.numel() for p in methods[name].parameters()),
             (timings[name, "small"].median, timings[name, "large"].median), use)
    for name, use in [("1 TransConv", "transposed"), ("2 Upsample+Conv", "resize"), ("3 PixelShuffle", "sub_pixel")]
]
rows.append(Measured("3 PixelShuffle + ICNR", strength["3 PixelShuffle + ICNR"], rows[2].macs, rows[2].params,
                     rows[2].seconds, "sub_pixel_icnr"))
Markdown(markdown_table(rows, [str(SIZES["small"]), str(SIZES["large"])], LANG))

# %% [markdown] tags=["lang-ko"]
# ### 원문의 표와 다른 점
#
# | 원문의 주장 | 측정 결과 |
# |---|---|
# | TransConv: 체커보드 "있을 수 있음" | 기본 초기화 직후부터 뚜렷합니다(위 강도). 위상별 가중치 합이 서로 독립인 난수이기 때문입니다(레슨 04). "있을 수 있음"이 아니라 "처음부터 있고, 학습이 없애 줄 수도 있음"입니다. |
# | Upsample+Conv: 체커보드 "없음" | 평평한 입력에서는 맞습니다(강도 0). 보간은 평평한 입력을 평평하게 두므로 가중치와 상관없이 무늬가 없습니다(최근접 이웃은 6절에서 가중치 합으로도 확인). 밝기가 변하는 영역에서는 최근접 이웃 쪽에 주기 2의 계단이 남을 수 있습니다(레슨 04의 램프). |
# | Pixel Shuffle: 체커보드 "거의 없음" | 기본 초기화에서도 무늬가 있습니다(강도 1, 레슨 04). ICNR이어야 0입니다. |
# | 속도: TransConv "빠름", Upsample+Conv "보통", Pixel Shuffle "빠름" | 곱셈-덧셈은 방법 2와 3이 **똑같고** 방법 1의 2.25배이므로, 계산량으로는 "빠름"과 "보통"을 가를 이유가 없습니다. 실제 시간은 라이브러리와 컴퓨터에 달려 있습니다(위 표). 원문은 측정값을 보이지 않습니다. |
# | 품질: Upsample+Conv와 Pixel Shuffle "좋음", TransConv "보통" | 원문에 근거가 없고, 여기서도 재지 않았습니다(학습이 필요합니다: 레슨 09). |
# | 파라미터: 524,416 / 295,168 / 295,040 | 524,416 / **295,040** / **1,180,160** (1절). |
# | Pixel Shuffle 단점: 메모리 증가(채널 폭발) | 중간 텐서는 출력과 원소 수가 같고, 업샘플링 + 합성곱의 중간 텐서보다 작습니다. 늘어나는 것은 파라미터입니다(3절). |

# %% [markdown] tags=["lang-en"]
# ### Where the document's table differs
#
# | The document claims (translated) | Measured |
# |---|---|
# | TransConv: checkerboard "possible" | Clear from initialization on (strength above), as the per-phase weight sums are independent random numbers (lesson 04): not "possible" but "there from the start; training may remove it". |
# | Upsample+Conv: checkerboard "none" | Right for flat inputs (strength 0): interpolation keeps them flat, whatever the weights (section 6 checks nearest-neighbour through the weight sums). Where brightness changes, nearest-neighbour can leave period-2 steps (lesson 04's ramp). |
# | Pixel Shuffle: checkerboard "almost none" | A pattern with default initialization too (strength 1, lesson 04); 0 only with ICNR. |
# | Speed: TransConv "fast", Upsample+Conv "average", Pixel Shuffle "fast" | Methods 2 and 3 do **exactly the same** multiply-adds (2.25 times method 1): arithmetic gives no reason for "fast" versus "average". Real times depend on library and machine (table above); the document measured none. |
# | Quality: Upsample+Conv and Pixel Shuffle "good", TransConv "average" | No evidence in the document; not measured here (it needs training: lesson 09). |
# | Parameters: 524,416 / 295,168 / 295,040 | 524,416 / **295,040** / **1,180,160** (section 1). |
# | Pixel Shuffle drawback: more memory (channel explosion) | The intermediate has as many elements as the output, fewer than upsample + convolution's; the parameters grow (section 3). |

# %% [markdown] tags=["lang-ko"]
# ## 6. 세 방법은 한 가족이다
#
# 세 방법이 얼마나 가까운지 수치로 확인합니다. 핵심은 레슨 04의
# **위상**입니다. 스트라이드 2인 층의 출력은 위상으로 나뉘고, 각 위상은 저해상도에서 작은 합성곱을 한 결과입니다.
# 서브픽셀 합성곱은 그 합성곱들을 채널로 한꺼번에 계산하고, 픽셀 셔플이 결과를 제자리에 끼워 넣습니다.
#
# ### 1-D로 먼저: 자리 숫자로 탭 읽기
#
# 아래 등식 (2), (3)을 세우려면 어느 탭이 어느 위상에 닿는지 알아야 합니다. 1-D에서는 위상이 짝수 칸과 홀수 칸
# 둘뿐이니 먼저 1-D에서 읽어 봅시다. $x = [1, 2, 3]$을 커널 $w = [1, 10, 100, 1000]$으로 2배 키웁니다. 탭 $t$의
# 가중치가 $10^t$이므로 출력의 $10^t$의 자리 숫자는 탭 $t$에 곱해진 입력입니다. $x[i] \cdot w$는 $2i - P$번
# 칸부터 더해집니다. 흩뿌려 더하기로 손으로 계산한 뒤 아래 값과 맞춰 보세요.
#
# - K=4, S=2, P=1: $[10, 102, 1020, 203, 2030, 300]$. 1020 $= 1 \cdot 1000 + 2 \cdot 10$이니 탭 3이 $x[0]$에, 탭 1이
#   $x[1]$에 곱해졌습니다. 짝수 칸 $2m$에는 탭 1($x[m]$)과 탭 3($x[m-1]$), 홀수 칸 $2m+1$에는 탭 2($x[m]$)와
#   탭 0($x[m+1]$)이 닿습니다. 양 끝을 빼면 **위상마다 탭 2개**입니다. P=1이 앞의 한 칸을 잘라내므로, 자르기 전
#   캔버스(레슨 02 6.3절)와는 홀짝이 바뀝니다.
# - K=3($w = [1, 10, 100]$), S=2, P=1, 출력 패딩 1: $[10, 102, 20, 203, 30, 300]$. 마지막 칸(300, 탭 2만)을 빼면
#   짝수 칸에는 탭 1 하나, 홀수 칸에는 탭 2와 0 둘이 닿습니다. **불균일합니다**(레슨 04).

# %% [markdown] tags=["lang-en"]
# ## 6. The three methods are one family
#
# How close are the three methods? The key is lesson 04's
# **phases**: each phase of a stride-2 layer's output is a small convolution at low resolution. The sub-pixel
# convolution computes them at once as channels, and the pixel shuffle slots them into place.
#
# ### 1-D first: reading taps from digits
#
# Identities (2) and (3) below need to know which tap reaches which phase; 1-D has only two phases (even and odd
# positions), so we start there. Grow $x = [1, 2, 3]$ by 2 with the kernel
# $w = [1, 10, 100, 1000]$: tap $t$ weighs $10^t$, so the $10^t$ digit of an output is the input that tap $t$
# multiplied. Scatter-add by hand ($x[i] \cdot w$ starts at position $2i - P$), then compare with the values below.
#
# - K=4, S=2, P=1 gives $[10, 102, 1020, 203, 2030, 300]$. 1020 $= 1 \cdot 1000 + 2 \cdot 10$: tap 3 on $x[0]$, tap
#   1 on $x[1]$. Even positions $2m$ get taps 1 ($x[m]$) and 3 ($x[m-1]$), odd ones $2m+1$ taps 2 ($x[m]$) and 0
#   ($x[m+1]$): away from the ends, **two taps per phase**. P=1 crops the first cell, so parities swap relative
#   to lesson 02's uncropped canvas (section 6.3).
# - K=3 ($w = [1, 10, 100]$), S=2, P=1, output padding 1 gives $[10, 102, 20, 203, 30, 300]$: apart from the last
#   cell (300, tap 2 only), tap 1 alone on even positions, taps 2 and 0 on odd ones. **Uneven** (lesson 04).

# %%
x1 = torch.tensor([[[1.0, 2.0, 3.0]]], dtype=torch.float64)
w1 = torch.tensor([[[1.0, 10.0, 100.0, 1000.0]]], dtype=torch.float64)  # tap t weighs 10**t
k4 = F.conv_transpose1d(x1, w1, stride=2, padding=1)[0, 0]
k3 = F.conv_transpose1d(x1, w1[..., :3], stride=2, padding=1, output_padding=1)[0, 0]
print("K=4:", k4.long().tolist())
print("K=3:", k3.long().tolist())
xs = x1[0, 0]
claim("K=4: y[2m] == 10·x[m] + 1000·x[m-1]", torch.equal(k4[2::2], 10 * xs[1:] + 1000 * xs[:-1]))
claim("K=4: y[2m+1] == 100·x[m] + 1·x[m+1]", torch.equal(k4[1:-1:2], 100 * xs[:-1] + xs[1:]))
claim("K=3: y[2m] == 10·x[m]", torch.equal(k3[0::2], 10 * xs))
claim("K=3: y[2m+1] == 100·x[m] + 1·x[m+1]", torch.equal(k3[1:-1:2], 100 * xs[:-1] + xs[1:]))

# %% [markdown] tags=["lang-ko"]
# 이번에는 최근접 이웃 보간 뒤에 3-탭 합성곱 $v = [1, 10, 100]$을 적용합니다. 보간하면 $u = [1, 1, 2, 2, 3, 3]$이고,
# 여기에 패딩 1로 합성곱을 하면 $[110, 211, 221, 322, 332, 33]$으로, $w = [100, 110, 11, 1]$인 K=4, S=2, P=1 전치
# 합성곱의 출력과 같습니다.
# 이 $w$는 뒤집은 $v$를 **상자 필터** $[1, 1]$과 합성곱한 것(이웃한 두 값의 합)입니다. 두 위상의 탭 합은
# $110 + 1$(탭 1, 3)과 $100 + 11$(탭 0, 2)로 모두 $\sum v = 111$입니다.

# %% [markdown] tags=["lang-en"]
# Now nearest-neighbour upsampling + a 3-tap convolution $v = [1, 10, 100]$: $u = [1, 1, 2, 2, 3, 3]$, and the
# convolution (padding 1) gives $[110, 211, 221, 322, 332, 33]$, the output of K=4, S=2, P=1 with
# $w = [100, 110, 11, 1]$: the flipped $v$ convolved with the **box filter** $[1, 1]$ (sums of neighbours). Both
# phases' taps sum to $\sum v = 111$: $110 + 1$ (taps 1, 3) and $100 + 11$ (taps 0, 2).

# %%
v1 = w1[..., :3]
resized = F.conv1d(F.interpolate(x1, scale_factor=2, mode="nearest"), v1, padding=1)[0, 0]
boxed_1d = F.conv_transpose1d(v1.flip(-1), torch.ones(1, 1, 2, dtype=torch.float64))  # flipped v * box [1, 1]
print("nearest ×2 + v:", resized.long().tolist(), "| w:", boxed_1d[0, 0].long().tolist())
claim("nearest ×2 + v == conv_transpose1d(x, w, S=2, P=1)",
      torch.equal(resized, F.conv_transpose1d(x1, boxed_1d, stride=2, padding=1)[0, 0]))
claim("w[1] + w[3] == w[0] + w[2] == sum(v)",
      bool(boxed_1d[0, 0, 1::2].sum() == v1.sum()) and bool(boxed_1d[0, 0, 0::2].sum() == v1.sum()))

# %% [markdown] tags=["lang-ko"]
# 이제 2-D에서, 채널이 여럿인 원문의 층으로 세 등식을 확인합니다. 아래 등식 (1), (2)는 Shi 외(2016b)도
# 보였습니다.
#
# ### (1) K=2, S=2 전치 합성곱 == 1×1 합성곱(4C 채널) + 픽셀 셔플(2)
#
# K=2, S=2에서는 위상마다 탭이 하나씩 닿으므로 위상 $(a, b)$는 탭 $(a, b)$로 하는 1×1 합성곱입니다. 가중치는
# `PixelShuffle`의 채널 순서(출력 채널 $c$의 위상 $(a, b)$ ← 채널 $4c + 2a + b$)대로 옮겨 담습니다.

# %% [markdown] tags=["lang-en"]
# Now three identities in 2-D, on the document's layers with many channels; Shi et al. (2016b) also showed (1)
# and (2) below.
#
# ### (1) K=2, S=2 transposed convolution == 1×1 convolution to 4C channels + pixel shuffle(2)
#
# With K=2, S=2 one tap reaches each phase, so phase $(a, b)$ is a 1×1 convolution with tap $(a, b)$. The weights
# move over in `PixelShuffle`'s channel order (phase $(a, b)$ of output channel $c$ ← channel $4c + 2a + b$).

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 세 방법이 한 가족이라는 사실이 7절의 "무엇을 써야 하나"에 대한 답으로 이어집니다. 6절의 등식 (2)를
# 실행하기 전에 0으로 묶이는 탭이 몇 개일지 학습자에게 예측하게 해 보세요.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** That the three methods are one family is what answers section 7's "which one should I use".
# Before running identity (2) of section 6, ask learners to predict how many taps are tied to zero.

# %%
k2s2 = nn.ConvTranspose2d(256, 128, 2, stride=2).double()
one_by_one = nn.Sequential(nn.Conv2d(256, 128 * 4, 1), nn.PixelShuffle(2)).double()
# ConvTranspose2d weight: (in, out, a, b) -> Conv2d weight: (out·4 + a·2 + b, in, 1, 1)
one_by_one[0].weight.copy_(k2s2.weight.permute(1, 2, 3, 0).reshape(128 * 4, 256, 1, 1))
one_by_one[0].bias.copy_(k2s2.bias.repeat_interleave(4))
claim("close(k2s2(x), one_by_one(x))", close(k2s2(x.double()), one_by_one(x.double())))

# %% [markdown] tags=["lang-ko"]
# ### (2) K=4, S=2, P=1 전치 합성곱 == 3×3 합성곱(4C 채널) + 픽셀 셔플(2), 일부 탭은 0
#
# 1-D 예에서 읽은 탭 배정은 일반식 $y[o] = \sum_i x[i]\, w[o + P - S i]$에서 나옵니다. 위치 $m$을 중심으로 한 3×3 창은
# $x[m-1], x[m], x[m+1]$(오프셋 0, 1, 2)을 보므로, 짝수 위상의 3-탭 부분 커널은 $[w_3, w_1, 0]$, 홀수 위상은
# $[0, w_2, w_0]$입니다. 2-D에서는 행과 열에 똑같이 적용합니다. 방법 1의 가중치를 옮겨 담아 확인합니다.

# %% [markdown] tags=["lang-en"]
# ### (2) K=4, S=2, P=1 transposed convolution == 3×3 convolution to 4C channels + pixel shuffle(2), some taps zero
#
# The tap assignment read off in the 1-D example follows from $y[o] = \sum_i x[i]\, w[o + P - S i]$. A 3×3 window around $m$ sees
# $x[m-1], x[m], x[m+1]$ (offsets 0, 1, 2), so the even phase's 3-tap sub-kernel is $[w_3, w_1, 0]$ and the odd
# phase's $[0, w_2, w_0]$; in 2-D, rows and columns alike. We move method 1's weights over and check.

# %%
TAP = {0: {0: 3, 1: 1}, 1: {1: 2, 2: 0}}  # phase -> {offset in the 3×3 window: tap of the K=4 kernel}

method1 = copy.deepcopy(methods["1 TransConv"]).double()
weight = torch.zeros(128 * 4, 256, 3, 3, dtype=torch.float64)
for a in (0, 1):
    for b in (0, 1):
        for d, row_tap in TAP[a].items():
            for e, col_tap in TAP[b].items():
                weight[2 * a + b::4, :, d, e] = method1.weight[:, :, row_tap, col_tap].T
as_sub_pixel = nn.Sequential(nn.Conv2d(256, 128 * 4, 3, padding=1), nn.PixelShuffle(2)).double()
as_sub_pixel[0].weight.copy_(weight)
as_sub_pixel[0].bias.copy_(method1.bias.repeat_interleave(4))
claim("close(method1(x), as_sub_pixel(x))", close(method1(x.double()), as_sub_pixel(x.double())))
print("(weight[:4, 0] != 0).sum():", int((weight[:4, 0] != 0).sum()), "/", 4 * 3 * 3)

# %% [markdown] tags=["lang-ko"]
# 원문의 방법 1은 방법 3과 모양이 같은 층에서 (in, out) 채널 쌍마다 탭 36개 가운데 20개를 0으로 묶은 것입니다.
# 거꾸로 보면 방법 3은 K=4, S=2, P=1 전치 합성곱을 모두 표현하고 그 밖의 층도 표현할 수 있지만, 가중치는
# $36/16 = 2.25$배입니다.
#
# ### (3) 최근접 이웃 ×2 + 3×3 합성곱 == 커널이 묶인 K=4, S=2, P=1 전치 합성곱
#
# $u[2m] = u[2m+1] = x[m]$이므로 3-탭 $v$는 짝수 위상에 $v_0\,x[m-1] + (v_1 + v_2)\,x[m]$, 홀수 위상에
# $(v_0 + v_1)\,x[m] + v_2\,x[m+1]$을 냅니다. (2)와 맞춰 보면 $w = [v_2,\ v_1 + v_2,\ v_0 + v_1,\ v_0]$, 곧
# **뒤집은 $v$와 상자 필터 $[1, 1]$의 합성곱**입니다. 2-D에서는 2×2 상자 필터이고, 스트라이드 1 전치 합성곱으로
# 적용합니다. (원문의 `align_corners=True`인 쌍선형 보간은 표본 격자가 정확한 2배가 아니어서(1절 심화) 이런 등식이
# 없습니다.)

# %% [markdown] tags=["lang-en"]
# The document's method 1 is a layer shaped like method 3 with 20 of the 36 taps of every (in, out) channel pair
# tied to zero. Put the other way round, method 3 can express every K=4, S=2, P=1 transposed convolution and other
# layers too, at $36/16 = 2.25$ times the weights.
#
# ### (3) Nearest ×2 + 3×3 convolution == a K=4, S=2, P=1 transposed convolution with a tied kernel
#
# With $u[2m] = u[2m+1] = x[m]$, a 3-tap $v$ gives $v_0\,x[m-1] + (v_1 + v_2)\,x[m]$ on the even phase and
# $(v_0 + v_1)\,x[m] + v_2\,x[m+1]$ on the odd one. Matching (2): $w = [v_2,\ v_1 + v_2,\ v_0 + v_1,\ v_0]$, the
# **flipped $v$ convolved with the box filter $[1, 1]$**; in 2-D a 2×2 box, applied as a stride-1 transposed
# convolution. (The document's bilinear `align_corners=True` samples a grid that is not exactly 2× finer (section 1,
# deep dive), so no such identity holds.)

# %%
resize_conv = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(256, 128, 3, padding=1)).double()
v = resize_conv[1].weight                                              # (out, in, 3, 3)
boxed = F.conv_transpose2d(v.flip(-2, -1).reshape(-1, 1, 3, 3), torch.ones(1, 1, 2, 2, dtype=torch.float64))
tied = boxed.reshape(128, 256, 4, 4).transpose(0, 1)                   # ConvTranspose2d layout (in, out, 4, 4)
as_transposed = F.conv_transpose2d(x.double(), tied, resize_conv[1].bias, stride=2, padding=1)
claim("close(resize_conv(x), as_transposed)", close(resize_conv(x.double()), as_transposed))

taps = {0: [1, 3], 1: [0, 2]}
phase_sums = torch.stack([tied[:, :, taps[a]][:, :, :, taps[b]].sum(dim=(-2, -1)) for a in (0, 1) for b in (0, 1)])
print("phase_sums[:, 0, 0]:", [round(s, 4) for s in phase_sums[:, 0, 0].tolist()],
      "| v[0, 0].sum():", round(v[0, 0].sum().item(), 4))
claim("close(phase_sums, phase_sums[:1])", close(phase_sums, phase_sums[:1].expand_as(phase_sums)))

# %% [markdown] tags=["lang-ko"]
# 상수 입력에 대한 응답은 위상별 가중치 합이었고(레슨 04), 상자 필터는 네 위상의 합을 **언제나** $\sum v$로
# 같게 만듭니다. 그래서 최근접 이웃 보간 + 합성곱은 가중치가 무엇이 되든 평평한 입력에 체커보드를 만들 수
# 없습니다.
#
# ## 7. 그래서 무엇을 써야 할까
#
# 세 방법은 한 가족에서 **얼마나 묶느냐**만 다릅니다. (in, out) 채널 쌍마다 자유로운 가중치 수로 비교합니다.
#
# | 방법 | 자유로운 가중치 / 쌍 | 곱셈-덧셈 (방법 1 대비) | 체커보드 |
# |---|---|---|---|
# | 최근접 이웃 ×2 + 3×3 합성곱 | 9 (상자 필터) | 2.25배 | 평평한 입력에는 가중치와 상관없이 없음 |
# | K=4, S=2, P=1 전치 합성곱 | 16 | 1배 | 초기화 때 있음, 학습에 맡김 |
# | 3×3 합성곱 + 픽셀 셔플 | 36 | 2.25배 | 초기화 때 있음, ICNR이면 없이 출발 |
#
# 그러니 선택은 "어떤 보장을 원하는가"의 문제입니다.
#
# - 생성 모델처럼 체커보드가 눈에 띄는 곳에서는 **업샘플링 + 합성곱**(최근접 이웃)이 평평한 영역에는 가중치와
#   상관없이 체커보드가 없다는 보장을 줍니다. 밝기가 변하는 영역까지는 아닙니다(레슨 04의 램프). 계산이 더 들고
#   표현력은 가장 좁습니다. Odena 외(2016)가 권장하는 방법입니다.
# - **픽셀 셔플 + ICNR**은 표현력이 가장 넓으면서 체커보드 없이 출발합니다(처음에는 "저해상도 합성곱 뒤 최근접
#   이웃 보간"과 같음, 레슨 04). 초해상도(ESPCN, Shi 외 2016a)에서 널리 씁니다. 학습 중에는 보장이 없습니다.
# - **전치 합성곱**(K=4, S=2, P=1)은 곱셈-덧셈이 가장 적습니다. 무늬는 학습에 맡겨야 하고, K가 S로
#   나누어떨어지지 않는 설정(K=3, K=5)은 피하는 것이 좋습니다.
#
# 어느 경우든 여러분의 데이터와 컴퓨터에서 **재 본** 결과로 판단하세요.

# %% [markdown] tags=["lang-en"]
# A constant input's response is the per-phase weight sum (lesson 04), and the box filter makes the four phase sums
# **always** equal to $\sum v$. So nearest + convolution cannot put a checkerboard on a flat input, whatever its
# weights become.
#
# ## 7. So which one should I use?
#
# The three methods differ only in **how much of the family they tie down**. Free weights per (in, out) pair:
#
# | Method | Free weights / pair | Multiply-adds (vs method 1) | Checkerboard |
# |---|---|---|---|
# | Nearest ×2 + 3×3 convolution | 9 (box filter) | 2.25× | none on flat input, whatever the weights |
# | K=4, S=2, P=1 transposed convolution | 16 | 1× | at initialization; left to training |
# | 3×3 convolution + pixel shuffle | 36 | 2.25× | at initialization; none at the start with ICNR |
#
# So the choice is about the guarantee you want.
#
# - Where checkerboards show, as in generative models, **upsample + convolution** (nearest) guarantees none on
#   flat regions, whatever the weights, though not where brightness changes (lesson 04's ramp). It costs more
#   compute and is the least expressive; Odena et al. (2016) recommend it.
# - **Pixel shuffle + ICNR** is the most expressive and still starts free of checkerboards (at first exactly "a
#   low-resolution convolution, then nearest-neighbour upsampling", lesson 04). It is widely used in
#   super-resolution (ESPCN, Shi et al. 2016a). Nothing is guaranteed during training.
# - The **transposed convolution** (K=4, S=2, P=1) does the fewest multiply-adds but leaves the pattern to
#   training; avoid settings where S does not divide K (K=3, K=5).
#
# In every case, decide from what you **measure** on your own data and machine.

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - 원문의 파라미터 수 가운데 방법 2와 3의 값은 틀렸습니다. 실제로는 295,040개와 1,180,160개(방법 2의 4배)입니다.
# - 곱셈-덧셈은 방법 2와 3이 같고 방법 1의 2.25배입니다. 픽셀 셔플의 중간 텐서는 출력과 원소 수가 같고,
#   활성값 메모리는 업샘플링 + 합성곱이 가장 많이 씁니다.
# - 초기화 직후 체커보드는 전치 합성곱과 기본 초기화 픽셀 셔플에서 뚜렷하고, 업샘플링 + 합성곱과 ICNR로 초기화한
#   픽셀 셔플에는 없습니다.
# - 세 방법은 한 가족입니다. K=2, S=2 전치 합성곱은 1×1 합성곱 + 픽셀 셔플이고, K=4, S=2, P=1 전치 합성곱은
#   채널 쌍마다 탭 20개가 0인 3×3 합성곱 + 픽셀 셔플이며, 최근접 이웃 ×2 + 3×3 합성곱은 상자 필터로 묶인
#   K=4, S=2, P=1 전치 합성곱입니다.
#
# **참고 문헌**
#
# - **Shi 외 2016a**: W. Shi, J. Caballero, F. Huszár, J. Totz, A. P. Aitken, R. Bishop, D. Rueckert, Z. Wang,
#   *Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional Neural Network*
#   (ESPCN), CVPR 2016, arXiv:1609.05158, 2016, <https://arxiv.org/abs/1609.05158>.
# - **Shi 외 2016b**: W. Shi, J. Caballero, L. Theis, F. Huszár, A. Aitken, C. Ledig, Z. Wang, *Is the deconvolution
#   layer the same as a convolutional layer?*, arXiv:1609.07009, 2016, <https://arxiv.org/abs/1609.07009>.
# - **Aitken 외 2017**: A. Aitken, C. Ledig, L. Theis, J. Caballero, Z. Wang, W. Shi, *Checkerboard artifact free
#   sub-pixel convolution: A note on sub-pixel convolution, resize convolution and convolution resize* (ICNR),
#   arXiv:1707.02937, 2017, <https://arxiv.org/abs/1707.02937>.
# - **Odena 외 2016**: A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill, 2016,
#   <https://distill.pub/2016/deconv-checkerboard/>.
# - **Radford 외 2015**: A. Radford, L. Metz, S. Chintala, *Unsupervised Representation Learning with Deep
#   Convolutional Generative Adversarial Networks* (DCGAN), arXiv:1511.06434, 2015,
#   <https://arxiv.org/abs/1511.06434>.
# - **Ronneberger 외 2015**: O. Ronneberger, P. Fischer, T. Brox, *U-Net: Convolutional Networks for Biomedical
#   Image Segmentation*, MICCAI 2015, arXiv:1505.04597, 2015, <https://arxiv.org/abs/1505.04597>.
# - PyTorch 문서: `torch.utils.flop_counter.FlopCounterMode`, `torch.utils.benchmark.Timer`, `torch.nn.PixelShuffle`

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - The document's parameter counts for methods 2 and 3 are wrong: 295,040 and 1,180,160 (4 times method 2).
# - Methods 2 and 3 do the same multiply-adds, 2.25 times method 1. The pixel shuffle's intermediate has as many
#   elements as the output; upsample + convolution needs the most activation memory.
# - At initialization the checkerboard is clear for the transposed convolution and the default pixel shuffle, and
#   absent for upsample + convolution and the ICNR pixel shuffle.
# - One family: K=2, S=2 is a 1×1 convolution + pixel shuffle; K=4, S=2, P=1 is a 3×3 convolution + pixel shuffle
#   with 20 zero taps per channel pair; nearest ×2 + 3×3 convolution is K=4, S=2, P=1 tied by a box filter.
#
# **References**
#
# - **Shi et al. 2016a**: W. Shi, J. Caballero, F. Huszár, J. Totz, A. P. Aitken, R. Bishop, D. Rueckert, Z. Wang,
#   *Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional Neural Network*
#   (ESPCN), CVPR 2016, arXiv:1609.05158, 2016, <https://arxiv.org/abs/1609.05158>.
# - **Shi et al. 2016b**: W. Shi, J. Caballero, L. Theis, F. Huszár, A. Aitken, C. Ledig, Z. Wang, *Is the
#   deconvolution layer the same as a convolutional layer?*, arXiv:1609.07009, 2016,
#   <https://arxiv.org/abs/1609.07009>.
# - **Aitken et al. 2017**: A. Aitken, C. Ledig, L. Theis, J. Caballero, Z. Wang, W. Shi, *Checkerboard artifact
#   free sub-pixel convolution: A note on sub-pixel convolution, resize convolution and convolution resize* (ICNR),
#   arXiv:1707.02937, 2017, <https://arxiv.org/abs/1707.02937>.
# - **Odena et al. 2016**: A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill,
#   2016, <https://distill.pub/2016/deconv-checkerboard/>.
# - **Radford et al. 2015**: A. Radford, L. Metz, S. Chintala, *Unsupervised Representation Learning with Deep
#   Convolutional Generative Adversarial Networks* (DCGAN), arXiv:1511.06434, 2015,
#   <https://arxiv.org/abs/1511.06434>.
# - **Ronneberger et al. 2015**: O. Ronneberger, P. Fischer, T. Brox, *U-Net: Convolutional Networks for
#   Biomedical Image Segmentation*, MICCAI 2015, arXiv:1505.04597, 2015, <https://arxiv.org/abs/1505.04597>.
# - PyTorch documentation: `torch.utils.flop_counter.FlopCounterMode`, `torch.utils.benchmark.Timer`,
#   `torch.nn.PixelShuffle`

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. 방법 3의 파라미터는 왜 방법 2의 4배이고, 곱셈-덧셈은 왜 같나요? (→ 1, 2절)
# 2. 원문이 픽셀 셔플의 장단점으로 든 주장 가운데 측정값이 반박하는 두 가지는 무엇인가요? (→ 3, 5절)
# 3. 입력 [4, 5, 6]에 커널 [1, 10, 100, 1000]인 K=4, S=2, P=1 전치 합성곱을 적용하면 셋째 출력은 얼마이고, 어느 탭이 어느 입력에 곱해졌나요? 이 탭 배정에서 세 방법이 한 가족이라는 것이 어떻게 나오나요? (→ 6절)
# 4. 학습이 어떻게 되든 평평한 배경에 체커보드가 없어야 한다면 어느 방법을 고르고, 그 방법이 보장하지 않는 것은 무엇인가요? (→ 7절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. Why does method 3 have 4 times the parameters of method 2, yet the same multiply-adds? (→ sections 1, 2)
# 2. Which two of the pixel shuffle's pros and cons in the document do the measurements contradict? (→ sections 3, 5)
# 3. Input [4, 5, 6], kernel [1, 10, 100, 1000], K=4, S=2, P=1: what is the third output, and which taps multiply which inputs? How does it make the three methods one family? (→ section 6)
# 4. If flat backgrounds must stay free of checkerboards whatever training does, which method do you choose, and what does it not guarantee? (→ section 7)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 문제마다 아래에 접힌 풀이 셀이 있습니다.
#
# **1. (워밍업)** 원문의 방법 3을 배율 3으로 바꾸면(`Conv2d(256, 128 * 9, 3, padding=1)` + `PixelShuffle(3)`) 파라미터는
# 몇 개일까요?

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. A collapsed solution cell follows
# each exercise.
#
# **1. (warm-up)** Change the document's method 3 to scale 3 (`Conv2d(256, 128 * 9, 3, padding=1)` + `PixelShuffle(3)`).
# How many parameters does it have?

# %%
answer = ...
check("05.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = sum(p.numel() for p in nn.Sequential(nn.Conv2d(256, 128 * 9, 3, padding=1), nn.PixelShuffle(3)).parameters())
verify("05.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** 6절의 등식 (2)와 같은 방법으로 K=2, S=2, P=0 전치 합성곱을 3×3 합성곱(4C 채널) + 픽셀 셔플로 나타내면,
# (in, out) 채널 쌍마다 0으로 묶인 탭은 몇 개일까요?

# %% [markdown] tags=["lang-en"]
# **2.** Written as a 3×3 convolution to 4C channels + pixel shuffle, as in identity (2) of section 6, how many taps per
# (in, out) channel pair of a K=2, S=2, P=0 transposed convolution are tied to zero?

# %%
answer = ...
check("05.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
probe = nn.ConvTranspose2d(1, 1, 2, stride=2, padding=0, bias=False)
probe.weight.fill_(1.0)
used = 0
for d in range(3):
    for e in range(3):
        impulse = torch.zeros(1, 1, 5, 5)
        impulse[0, 0, 1 + d, 1 + e] = 1.0  # the input at offset (d, e) of the 3×3 window around (2, 2)
        used += int((probe(impulse)[0, 0, 4:6, 4:6] != 0).sum())  # the four phases of output block (2, 2)
solution = 4 * 9 - used
verify("05.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3.** 같은 입력에서 `ConvTranspose2d(64, 32, K, stride=2)`가 최근접 이웃 ×2 + `Conv2d(64, 32, 3, padding=1)`과
# 같은 수의 곱셈-덧셈을 하려면 커널 크기 K는 얼마여야 할까요? 먼저 2절의 공식으로 예측해 보세요.

# %% [markdown] tags=["lang-en"]
# **3.** On the same input, which kernel size K makes `ConvTranspose2d(64, 32, K, stride=2)` do as many
# multiply-adds as nearest ×2 + `Conv2d(64, 32, 3, padding=1)`? Predict it from section 2's formulas first.

# %%
answer = ...
check("05.3", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
x_probe = torch.zeros(1, 64, 8, 8)
resize = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(64, 32, 3, padding=1))
solution = next(k for k in range(1, 10)
                if multiply_adds(nn.ConvTranspose2d(64, 32, k, stride=2), x_probe) == multiply_adds(resize, x_probe))
verify("05.3", solution)

# %% [markdown] tags=["lang-ko"]
# **4. (코딩)** 6절 등식 (1)을 배율 r로 일반화해 봅시다. `as_pixel_shuffle(weight)`는 `kernel_size = stride = r`인
# `ConvTranspose2d`의 가중치 `(C_in, C_out, r, r)`를 받아, 1×1 `Conv2d` + `PixelShuffle(r)`이 같은 출력을 내게 하는
# 1×1 합성곱 가중치 `(C_out·r², C_in, 1, 1)`을 돌려줍니다. 채점기는 PyTorch의 `F.conv_transpose2d`와
# `F.pixel_unshuffle`로 구한 가중치와 비교합니다.
#
# 막히면 `hint("05.4", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **4. (coding)** Generalize identity (1) of section 6 to any scale r. `as_pixel_shuffle(weight)` takes the
# `(C_in, C_out, r, r)` weight of a `ConvTranspose2d` with `kernel_size = stride = r` and returns the
# `(C_out·r², C_in, 1, 1)` weight of a 1×1 `Conv2d` that, followed by `PixelShuffle(r)`, gives the same output.
# The checker compares it with the weight PyTorch's `F.conv_transpose2d` and `F.pixel_unshuffle` produce.
#
# Stuck? Run `hint("05.4", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def as_pixel_shuffle(weight):
    ...


check_code("05.4", as_pixel_shuffle, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(weight):
    c_in, c_out, r, _ = weight.shape
    return weight.permute(1, 2, 3, 0).reshape(c_out * r * r, c_in, 1, 1)


verify_code("05.4", solution)

# %% [markdown] tags=["lang-ko"]
# # 04. 체커보드 아티팩트와 세 가지 해결책
#
# 전치 합성곱으로 만든 이미지에는 2픽셀마다 되풀이되는 격자 무늬, 곧 **체커보드 아티팩트**가 자주 보입니다.
# 출력의 각 칸에 입력이 몇 개 더해지는지 세고, 무늬를 직접 본 뒤, 그 무늬를 숫자로 재서 두 가지 원인을 나누고
# 원문의 세 가지 해결책을 판정합니다. Odena 외(2016), *Deconvolution and Checkerboard Artifacts*(Distill)의
# 주장을 코드로 다시 확인하고, 측정이 그 글과 다른 곳은 밝힙니다.

# %% [markdown] tags=["lang-en"]
# # 04. Checkerboard artifacts and three fixes
#
# Images made with transposed convolutions often show a grid that repeats every two pixels: the **checkerboard
# artifact**. We count the inputs added at each output pixel, look at the pattern, then measure it to separate two
# causes and judge the document's three fixes. We re-check the claims of Odena et al. (2016), *Deconvolution and
# Checkerboard Artifacts* (Distill), in code and say where our measurements differ.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** 커널 크기와 스트라이드만 보고 겹침이 균일한지 예측하고, 원문의 6×6 표가 체커보드가 아니라 가장자리 효과를 보여 준다는 것을 설명하고, 겹침이 균일한 층에도 무늬가 생기는 까닭을 위상별 가중치 합으로 밝히고, 세 가지 해결책이 각각 무엇을 고치고 무엇을 못 고치는지 말할 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** predict from the kernel size and stride whether the overlap is even, explain why the document's 6×6 table shows a border effect, not a checkerboard, show with per-phase weight sums why even overlap still gives a pattern, and say what each of the three fixes removes and leaves.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 원문의 6×6 표(1과 4)를 체커보드의 원인으로 가르치지 마세요. 그 차이는 가장자리 효과이고, K=4,
# S=2의 겹침은 안쪽에서 균일합니다. 이 레슨의 중심은 5절의 두 원인, 곧 불균일한 겹침과 초기화 때 서로 독립인 위상입니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** Do not teach the document's 6×6 table (1 versus 4) as the cause of checkerboards: the
# difference is a border effect, and the overlap of K=4, S=2 is even in the interior. The heart of this lesson is
# the two causes of section 5: uneven overlap and independent phases at initialization.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import copy

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.arithmetic import overlap_counts_1d, overlap_map
from course_utils.claims import claim, close
from course_utils.diagrams import overlap_heatmaps, overlap_outer_product, response_gallery, strength_bars
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.metrics import checkerboard_strength, phase_means, strength_verdict
from course_utils.notebook import setup
from course_utils.overlap import interior_range, interior_values, verdict
from course_utils.widgets import OverlapExplorer

torch.set_grad_enabled(False)
setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 겹침 수 세기
#
# 전치 합성곱은 입력 값 하나마다 그 값을 곱한 커널 사본을 출력에 더하고(흩뿌려 더하기, 레슨 02), 입력이 한 칸
# 옮겨 갈 때마다 사본을 스트라이드 $S$칸씩 옮깁니다. 커널 크기 $K$가 $S$보다 크면 이웃한 사본이 겹칩니다.
# 출력의 한 칸에 입력이 몇 개 더해지는지가 **겹침 수**입니다. 입력과 커널을 모두 1로 채우면 출력의 각 칸에 겹침
# 수가 그대로 남습니다. 1-D에서 먼저 봅시다(입력 6칸).

# %% [markdown] tags=["lang-en"]
# ## 1. Counting overlaps
#
# A transposed convolution adds a copy of the kernel, scaled by each input value, to the output (scatter-add,
# lesson 02), moving the copy by the stride $S$ per input step. When the kernel size $K$ exceeds $S$, neighbouring
# copies overlap. The **overlap count** of an output pixel is how many inputs are added there. With ones as input
# and as kernel, each output pixel holds its overlap count. First in 1-D (6 inputs):

# %%
def overlap_1d(size, k, s, p=0):
    """How many inputs a transposed convolution adds at each output position (ones in, ones as kernel)."""
    ones = torch.ones(1, 1, size)
    return F.conv_transpose1d(ones, torch.ones(1, 1, k), stride=s, padding=p)[0, 0].long()


CASES = [(4, 2, 1), (3, 2, 0), (2, 2, 0), (5, 2, 2)]
for k, s, p in CASES:
    counts = overlap_1d(6, k, s, p)
    agrees = torch.equal(counts, overlap_counts_1d(6, k, s, p))
    print(f"K={k} S={s} P={p}:", counts.tolist())
    claim("    == overlap_counts_1d(6, k, s, p)", agrees)

# %% [markdown] tags=["lang-ko"]
# 양 끝의 작은 값은 가장자리 효과입니다(바깥에 입력이 없음). 그래서 그 칸에 닿을 수 있는 입력이 모두 있는
# **안쪽**만 봅니다(`course_utils.overlap.interior_range`).
#
# - K=4, S=2: 안쪽이 모두 2입니다. **균일한 겹침**입니다.
# - K=3, S=2: 안쪽에서 1과 2가 번갈아 나오는 **불균일한 겹침**입니다.
# - K=2, S=2: 모두 1입니다. 사본이 겹치지 않습니다.
# - K=5, S=2(원래 DCGAN 코드의 5×5 커널, Radford 외 2015): 3과 2가 번갈아 나옵니다.
#
# 규칙은 이렇습니다. $K$가 $S$로 나누어떨어지면 안쪽의 모든 칸에 $K/S$개씩 더해지고, 나누어떨어지지 않으면
# $\lfloor K/S \rfloor$개와 $\lceil K/S \rceil$개가 섞여 주기 $S$로 되풀이됩니다.

# %% [markdown] tags=["lang-en"]
# The smaller values at both ends are border effects (no inputs beyond the edge), so we look only at the
# **interior**, where every input that could reach a pixel exists (`course_utils.overlap.interior_range`).
#
# - K=4, S=2: the interior is all 2s, an **even** overlap.
# - K=3, S=2: 1 and 2 alternate, an **uneven overlap**.
# - K=2, S=2: all 1s; the copies do not overlap.
# - K=5, S=2 (the 5×5 kernels of the original DCGAN code, Radford et al. 2015): 3 and 2 alternate.
#
# The rule: when $S$ divides $K$, every interior pixel receives $K/S$ inputs; otherwise
# $\lfloor K/S \rfloor$ and $\lceil K/S \rceil$ mix in a pattern that repeats with period $S$.

# %%
for k, s, p in CASES:
    inside = interior_range(6, k, s, p)
    print(f"K={k} S={s} P={p}: interior_range {inside.start}..{inside.stop - 1}, interior_values {interior_values(6, k, s, p)}")

# %% [markdown] tags=["lang-ko"]
# ### 2-D는 1-D의 곱이다
#
# 2-D 커널은 행과 열 방향으로 따로 미끄러지므로, 2-D 겹침 수는 행의 1-D 겹침 수와 열의 1-D 겹침 수의 곱입니다.
# 불균일함도 곱해져서, K=3, S=2일 때 1-D에서 2이던 안쪽의 최대/최소 비가 2-D에서는 4가 됩니다.

# %% [markdown] tags=["lang-en"]
# ### 2-D is the product of 1-D
#
# A 2-D kernel slides along rows and columns independently, so a pixel's 2-D overlap count is the 1-D count of its
# row times that of its column. The unevenness multiplies too: for K=3, S=2 the interior max/min ratio of 2 in
# 1-D becomes 4 in 2-D.

# %%
counts = overlap_1d(5, 3, 2)
grid = overlap_map(5, 3, 2)
print(grid)
claim("2-D == outer(1-D, 1-D)", torch.equal(grid, torch.outer(counts, counts)))

inside = interior_range(5, 3, 2)
core_1d = counts[inside.start:inside.stop]
core_2d = grid[inside.start:inside.stop, inside.start:inside.stop]
print("1-D core_1d.max() / core_1d.min():", (core_1d.max() / core_1d.min()).item())
print("2-D core_2d.max() / core_2d.min():", (core_2d.max() / core_2d.min()).item())

# %%
overlap_outer_product(counts, LANG)

# %% [markdown] tags=["lang-ko"]
# ## 2. 원문의 6×6 표 다시 보기
#
# 원문은 "stride=2, kernel=4일 때 각 출력 위치에 기여하는 입력 수"라며 네 모서리가 1, 가운데가 4인 표를 보이고
# "1과 4의 차이 → 밝기 불균형 → 체커보드!"라고 설명합니다. 원문의 그림에는 가운데 행이 두 줄뿐이지만(4×6),
# 정사각형 출력은 6×6이므로 6×6으로 옮겨 적습니다. 3×3 입력에 K=4, S=2, P=1(2배 업샘플링에서 가장 흔한 설정)을
# 쓴 경우입니다.

# %% [markdown] tags=["lang-en"]
# ## 2. The document's 6×6 table, revisited
#
# The document tabulates "the number of inputs contributing to each output position for stride=2, kernel=4"
# (translated), 1 in the corners and 4 in the middle, and explains: "the difference between 1 and 4 → uneven
# brightness → checkerboard!" (translated). Its drawing has two middle rows (4×6); we type in the full square
# 6×6 output. It is a 3×3 input with K=4, S=2, P=1, the most common 2× upsampling setting.

# %%
document_table = torch.tensor([
    [1, 2, 2, 2, 2, 1],
    [2, 4, 4, 4, 4, 2],
    [2, 4, 4, 4, 4, 2],
    [2, 4, 4, 4, 4, 2],
    [2, 4, 4, 4, 4, 2],
    [1, 2, 2, 2, 2, 1],
])
claim("document_table == overlap_map(3, 4, 2, 1)", torch.equal(document_table, overlap_map(3, 4, 2, 1)))

# %% [markdown] tags=["lang-ko"]
# 숫자는 맞지만 설명은 틀렸습니다. 1과 2는 표의 **테두리**에만 있고 안쪽은 모두 4입니다. 입력을 8×8로 키우면
# 분명해집니다. 16×16 출력에서 1과 2는 맨 바깥 한 줄에만 남습니다.

# %% [markdown] tags=["lang-en"]
# The numbers are right; the explanation is not. The 1s and 2s sit only on the table's **rim**, and the
# interior is all 4s. An 8×8 input makes this plain: in the 16×16 output, 1 and 2 remain only in the outermost
# ring.

# %%
grid = overlap_map(8, 4, 2, 1)
inside = interior_range(8, 4, 2, 1)
rim = torch.ones_like(grid, dtype=torch.bool)
rim[inside.start:inside.stop, inside.start:inside.stop] = False
print("grid:", tuple(grid.shape), "interior_range:", (len(inside), len(inside)))
print("grid[~rim]:", grid[~rim].unique().tolist())
print("grid[rim]: ", grid[rim].unique().tolist())
print(verdict(8, 4, 2, 1, LANG))

# %% [markdown] tags=["lang-ko"]
# 그러니 K=4, S=2의 겹침은 **안쪽에서 균일합니다**. Odena 외(2016)도 커널 크기가 스트라이드로 나누어떨어지면
# 겹침이 균일하다고 설명합니다. 원문의 1과 4는 주기적인 무늬가 아니라 테두리가 어두워지는 가장자리 효과이고,
# 주기적인 무늬는 K가 S로 나누어떨어지지 않을 때 안쪽에 생깁니다. 네 설정을 나란히 판정합니다(K=4, S=2에도
# 체커보드는 생깁니다. 4, 5절을 보세요).

# %% [markdown] tags=["lang-en"]
# So the overlap of K=4, S=2 is **even in the interior**, as Odena et al. (2016) also explain for a stride that
# divides the kernel size. The document's 1 versus 4 is a border effect (a darker outer ring), not a periodic
# pattern; that appears in the interior when S does not divide K. The four settings side by side (K=4, S=2 still
# has a checkerboard: sections 4 and 5):

# %%
names = [f"K={k} S={s} P={p}" for k, s, p in CASES]
for name, (k, s, p) in zip(names, CASES):
    print(name, "→", verdict(5, k, s, p, LANG))

# %%
panels = [(name, overlap_map(5, k, s, p), interior_range(5, k, s, p)) for name, (k, s, p) in zip(names, CASES)]
overlap_heatmaps(panels, LANG)

# %% [markdown] tags=["lang-ko"]
# ## 3. 겹침 탐색기
#
# 슬라이더로 $K$, $S$, $P$와 입력 크기 $I$를 바꾸며 겹침 지도와 판정을 확인해 보세요. 처음 값은 원문의
# 표(입력 3, K=4, S=2, P=1)입니다. 쓸 수 없는 조합은 어긴 규칙을 알려 줍니다. 위젯이 움직이지 않는 곳(슬라이드,
# HTML)에서는 결과가 글로 나옵니다.

# %% [markdown] tags=["lang-en"]
# ## 3. The overlap explorer
#
# Move the sliders for $K$, $S$, $P$ and the input size $I$ and watch the overlap map and the verdict, starting
# at the document's table (input 3, K=4, S=2, P=1). An invalid combination names the rule it breaks. Where widgets
# do not run (slides, HTML), the result appears as text.

# %%
explorer = OverlapExplorer(LANG)
explorer

# %% [markdown] tags=["lang-ko"]
# 슬라이더는 코드로도 움직일 수 있습니다(새 탐색기에서). 입력 6에 K=3이면 안쪽이 불균일하고, 2×2 입력에 패딩
# 4를 주면 출력 크기가 1보다 작아 쓸 수 없는 조합입니다.

# %% [markdown] tags=["lang-en"]
# Sliders move from code too (on a second explorer): input 6 with K=3 gives an uneven interior; padding 4 on a
# 2×2 input gives an output smaller than 1, an invalid combination.

# %%
demo = OverlapExplorer(LANG)
demo.controls["kernel_size"].value = 3
demo.controls["input_size"].value = 6
demo.print()
print()
demo.controls["padding"].value = 4
demo.controls["input_size"].value = 2
demo.print()

# %% [markdown] tags=["lang-ko"]
# ## 4. 아티팩트 자체: 상수 입력에 대한 응답
#
# 실제 출력은 입력에 **가중치**를 곱해 더한 값이므로, 이제 층 자체를 시험합니다. 모든 값이 1인 **상수 입력**을
# 넣으면, 위치에 따라 다르게 동작하지 않는 층은 안쪽을 평평하게 내놓아야 합니다.
#
# 아래 여덟 층은 32채널 12×12 상수 입력을 24×24로 키웁니다. 픽셀 셔플에는 **ICNR 초기화**(Aitken 외 2017)를
# 쓴 경우와 흔히 보는 잘못된 구현(`repeat_interleave` 대신 `.repeat`)도 넣었습니다. ICNR은 한 출력 채널을
# 이루는 $r^2$개의 서브픽셀 커널(배율 $r$)을 처음에 모두 똑같이 맞추는 초기화입니다. 나머지는 PyTorch 기본
# 초기화 그대로입니다. 먼저 출력 채널 0의 안쪽을 봅시다.

# %% [markdown] tags=["lang-en"]
# ## 4. The artifact itself: the response to a constant input
#
# A real output adds the inputs multiplied by **weights**, so now we test the layers themselves. Given a
# **constant input** of ones, a layer that treats every position alike must answer with a flat interior.
#
# The eight layers below grow a 32-channel 12×12 constant input to 24×24. The pixel shuffle also comes with **ICNR
# initialization** (Aitken et al. 2017), which starts the $r^2$ sub-pixel kernels of each output channel (scale
# $r$) as identical copies, and with its common wrong version (`.repeat` instead of `repeat_interleave`). The rest
# keep PyTorch's default initialization. First, the interior of output channel 0:

# %%
def icnr_(conv, scale, wrong=False):
    """ICNR (Aitken et al. 2017): the scale² sub-pixel kernels of each output channel start identical, bias too."""
    r2 = scale**2
    base = nn.Conv2d(conv.in_channels, conv.out_channels // r2, conv.kernel_size, padding=conv.padding)
    if wrong:  # the common bug: copies land in channels c, c + C, c + 2C, ... instead of 4c, 4c + 1, ...
        conv.weight.copy_(base.weight.repeat(r2, 1, 1, 1))
        conv.bias.copy_(base.bias.repeat(r2))
    else:
        conv.weight.copy_(base.weight.repeat_interleave(r2, dim=0))
        conv.bias.copy_(base.bias.repeat_interleave(r2))
    return conv


C = 32


def sub_pixel(icnr=None):
    conv = nn.Conv2d(C, C * 4, 3, padding=1)
    if icnr is not None:
        icnr_(conv, 2, wrong=(icnr == "repeat"))
    return nn.Sequential(conv, nn.PixelShuffle(2))


layers = {
    "ConvT k3s2": nn.ConvTranspose2d(C, C, 3, stride=2, padding=1, output_padding=1),
    "ConvT k4s2": nn.ConvTranspose2d(C, C, 4, stride=2, padding=1),
    "ConvT k2s2": nn.ConvTranspose2d(C, C, 2, stride=2),
    "Upsample(nearest)+Conv": nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"),
                                            nn.Conv2d(C, C, 3, padding=1)),
    "Upsample(bilinear)+Conv": nn.Sequential(nn.Upsample(scale_factor=2, mode="bilinear"),
                                             nn.Conv2d(C, C, 3, padding=1)),
    "Conv+PixelShuffle": sub_pixel(),
    "Conv+PixelShuffle, ICNR": sub_pixel("repeat_interleave"),
    "Conv+PixelShuffle, ICNR .repeat": sub_pixel("repeat"),
}
flat = torch.ones(1, C, 12, 12)
responses = {name: layer(flat) for name, layer in layers.items()}
for name, y in responses.items():
    print(f"{name:<32} {tuple(flat.shape)} → {tuple(y.shape)}")

# %%
response_gallery([y[0, 0, 4:-4, 4:-4] for y in responses.values()], list(responses), LANG)

# %% [markdown] tags=["lang-ko"]
# 전치 합성곱 세 층과 기본 초기화 픽셀 셔플, `.repeat`로 복사한 ICNR에는 2픽셀마다 되풀이되는 격자가 보이고,
# 업샘플링 + 합성곱과 ICNR은 평평합니다(중간 회색). 패널마다 밝기 범위를 따로 맞췄으므로 무늬의 크기는 비교하지
# 말고 있고 없음만 보세요. 이제 이것을 숫자로 잽니다.
#
# 스트라이드 2인 층의 출력 픽셀 $(i, j)$는 $(i \bmod 2,\ j \bmod 2)$에 따라 네 가지 **위상** 가운데 하나에
# 속합니다. 이 코스가 정한 **체커보드 강도**(`course_utils.metrics.checkerboard_strength`)는 다음과 같습니다.
# Odena 외(2016)는 이런 측정 없이 그림으로 보여 줍니다.
#
# 1. 출력의 테두리 `border`(기본 4)픽셀을 버리고 안쪽 $Y$만 남깁니다(한 변이 주기의 배수가 되게 자릅니다).
# 2. 채널마다 안쪽의 평균 $c$와 위상 $(a, b)$의 평균 $m_{ab}$를 구합니다.
# 3. $\text{강도} = \sqrt{\operatorname{mean}(m_{ab} - c)^2 \,/\, \operatorname{mean} (Y - c)^2}$
#
# 강도²은 안쪽의 변동 가운데 위상에만 달린 무늬가 차지하는 몫입니다. 위상 무늬가 없으면 0, 변동이 모두 무늬이면
# 1입니다. 상수 입력에 대한 응답은 안쪽이 정확히 주기적이므로 1 아니면 0이 나옵니다. 판정은 1e-3 미만이면 "없음",
# 0.1 미만이면 "약함", 그 밖에는 "뚜렷함"입니다.

# %% [markdown] tags=["lang-en"]
# The three transposed convolutions, the default pixel shuffle and the `.repeat` ICNR show a grid that repeats
# every two pixels; upsample + convolution and ICNR are flat (mid-grey). Each panel is scaled on its own: judge
# whether there is a pattern, not its size. Now we measure it.
#
# The output pixel $(i, j)$ of a stride-2 layer belongs to one of four **phases**, $(i \bmod 2,\ j \bmod 2)$.
# The course's own **checkerboard strength** (`course_utils.metrics.checkerboard_strength`; Odena et al. 2016 use
# drawings, not a measure):
#
# 1. Drop `border` pixels (4 by default) on each side and keep the interior $Y$ (cropped to whole periods).
# 2. For every channel, take the interior's mean $c$ and the mean $m_{ab}$ of each of the four phases.
# 3. $\text{strength} = \sqrt{\operatorname{mean}(m_{ab} - c)^2 \,/\, \operatorname{mean} (Y - c)^2}$
#
# Strength² is the share of the interior's variation that depends only on the phase: 0 without a phase pattern,
# 1 when the variation is all pattern. A constant input's response has an exactly periodic interior, so it scores
# 1 or 0. Verdicts: "none" below 1e-3, "weak" below 0.1, else "clear".

# %%
strengths = {name: checkerboard_strength(y) for name, y in responses.items()}
for name, g in strengths.items():
    print(f"{name:<32} checkerboard_strength {g:.3f}  {strength_verdict(g, LANG)}")

# %%
strength_bars(list(strengths), list(strengths.values()), LANG)

# %% [markdown] tags=["lang-ko"]
# 결과를 정리하면 이렇습니다.
#
# - 전치 합성곱은 셋 다 뚜렷합니다. 안쪽이 균일한 K=4도, 겹치지 않는 K=2도 그렇습니다.
# - 업샘플링 + 합성곱은 최근접 이웃 보간이든 쌍선형 보간이든 0입니다.
# - 기본 초기화 픽셀 셔플에도 무늬가 있습니다(강도 1: 상수 입력에서는 무늬가 있으면 크기와 상관없이
#   1입니다). 원문이 장점으로 든 "체커보드 적음"은 적어도 초기화 직후에는 맞지 않습니다.
# - ICNR로 초기화하면 0이고, `.repeat`로 잘못 복사하면 여전히 뚜렷합니다.

# %% [markdown] tags=["lang-en"]
# In short:
#
# - All three transposed convolutions are clear, even K=4 (even interior) and K=2 (no overlap).
# - Upsample + convolution is 0, nearest-neighbour and bilinear alike.
# - The default pixel shuffle has a pattern too (strength 1: for a constant input any pattern scores 1): the
#   document's "few checkerboards" (translated) does not hold, at least right after initialization.
# - ICNR brings it to 0; with the wrong copy (`.repeat`) it stays clear.

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 심화: 체커보드 강도의 성질
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# 분모는 안쪽의 변동(채널 평균을 뺀 값의 제곱 평균, 곧 분산)입니다. $c$는 네 $m_{ab}$의 평균이기도 하므로
# 분자는 분모의 일부이고, 강도는 0과 1 사이를 벗어나지 않습니다. 출력에 상수를 더해도(채널마다 다른 상수여도),
# 0이 아닌 수를 곱해도 강도는 변하지 않습니다. 변동이 float32 반올림보다 넉넉히 큰 문턱(가장 큰 절댓값의
# 10⁻⁵배) 이하인 평평한 안쪽은 0입니다. `tests/test_metrics.py`가 이 성질을 모두 검사합니다. 그래서 강도는
# 무늬가 있는지를 말할 뿐 크기는 말하지 않습니다. 무늬의 크기는 위상 평균(`phase_means`)과 그 RMS
# (`pattern_rms`, 출력과 같은 단위)로 봅니다. "약함"의 문턱 0.1은 변동 에너지의 1%에 해당합니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### Deep dive: properties of the checkerboard strength
# You can skip it; nothing later depends on it.
#
# The denominator is the interior's variation (the mean square of the values minus their channel mean: the
# variance). Since $c$ is also the average of the four $m_{ab}$, the numerator is a part of the denominator, and
# the strength never leaves [0, 1]. Adding a constant to the output (even a different one per channel) or
# multiplying it by any nonzero number leaves it unchanged. A flat interior, whose variation is below a threshold
# comfortably above float32 rounding (10⁻⁵ of the largest magnitude), has strength 0; `tests/test_metrics.py`
# checks all of these properties. So the strength says whether there is a pattern, not how large it is; the size
# shows in the phase means (`phase_means`) and their RMS (`pattern_rms`, in the output's units). The "weak"
# threshold 0.1 is 1% of the variation's energy.

# %% [markdown] tags=["lang-ko"]
# ## 5. 두 가지 원인
#
# 겹침이 균일한데 왜 무늬가 생길까요? 모든 값이 1인 입력에서 위상 $(a, b)$의 안쪽 픽셀 값은 **그 위상에 닿는 커널 탭의 가중치를 모두 더한
# 값**(입력 채널 전체의 합에 편향을 더한 값)입니다. 네 위상의 값은 이 합이 같을 때만 같고, 이 조건은 두 가지로
# 깨집니다.
#
# **원인 1: 불균일한 겹침.** 위상마다 닿는 탭의 **개수**가 다르면 가중치가 같아도 합이 다릅니다. 가중치를 모두
# 1로 두면 위상 평균이 바로 겹침 수입니다.

# %% [markdown] tags=["lang-en"]
# ## 5. Two causes
#
# Why a pattern when the overlap is even? For an input of ones, an interior pixel of phase $(a, b)$ holds **the sum of the weights of the kernel taps that
# reach that phase** (over all input channels, plus the bias). The phases agree only if these sums agree, which can
# fail in two ways.
#
# **Cause 1: uneven overlap.** Different **numbers** of taps per phase make the sums differ even with equal
# weights. With all weights 1, the phase means are the overlap counts.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 두 원인을 칠판에 나란히 적어 두세요. 7절에서 해결책을 하나씩 볼 때마다 어느 원인을 없애는지 학습자가
# 표시하게 하면 정리가 저절로 됩니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** Write the two causes side by side on the board. In section 7, have learners mark which cause
# each fix removes; the summary then writes itself.

# %%
equal_weight = {}
for k, s, p in CASES:
    layer = nn.ConvTranspose2d(1, 1, k, stride=s, padding=p, bias=False)
    layer.weight.fill_(1.0)
    y = layer(torch.ones(1, 1, 12, 12))
    equal_weight[f"K={k} S={s} P={p}"] = y
    print(f"K={k} S={s} P={p}: checkerboard_strength {checkerboard_strength(y):.3f}, phase_means {phase_means(y)[0, 0].tolist()}")

# %% [markdown] tags=["lang-ko"]
# 가중치가 모두 같으면 불균일한 설정(K=3, K=5)에만 무늬가 생깁니다.
#
# **원인 2: 서로 독립인 위상.** 탭의 개수가 같아도 그 탭들은 **서로 다른** 가중치입니다. K=4, S=2, P=1에서
# 짝수 행 위상에는 커널의 1, 3번 행이, 홀수 행 위상에는 0, 2번 행이 닿습니다(열도 마찬가지). 무작위로 초기화하면
# 네 가중치 합은 서로 독립인 난수이므로 상수 입력에도 네 위상이 서로 다른 값을 냅니다. 4절의 K=4 층에서 출력
# 채널 0의 위상 평균을 가중치로 직접 계산해 봅시다.

# %% [markdown] tags=["lang-en"]
# With equal weights only the uneven settings (K=3, K=5) show a pattern.
#
# **Cause 2: independent phases.** Equal numbers of taps are still **different** weights. For K=4, S=2, P=1 the
# even-row phase receives kernel rows 1 and 3, the odd-row phase rows 0 and 2 (likewise for columns). After random
# initialization the four weight sums are independent random numbers, so a constant input gets four different
# values. We reproduce the phase means of channel 0 of section 4's K=4 layer from its weights:

# %%
convt = copy.deepcopy(layers["ConvT k4s2"]).double()
taps = {0: [1, 3], 1: [0, 2]}
from_weights = torch.tensor([[convt.weight[:, 0][:, taps[a]][:, :, taps[b]].sum() + convt.bias[0]
                              for b in (0, 1)] for a in (0, 1)], dtype=torch.float64)
measured = phase_means(convt(flat.double()))[0, 0]
print("phase_means(convt(flat)):", [[round(v, 4) for v in row] for row in measured.tolist()])
print("from_weights:            ", [[round(v, 4) for v in row] for row in from_weights.tolist()])
claim("close(measured, from_weights)", close(measured, from_weights))

# %% [markdown] tags=["lang-ko"]
# 둘이 같습니다. **균일한 겹침만으로는 무늬가 사라지지 않습니다.** 겹침 수가 같다는 것은 탭의 개수가 같다는
# 뜻이지 가중치의 합이 같다는 뜻이 아닙니다.
#
# Odena 외(2016)는 불균일한 겹침을 기본 원인으로 꼽고, 겹침이 균일한 층도 학습한 커널에 따라 비슷한 아티팩트를
# 자주 만든다고 설명합니다. 균일한 겹침만으로는 부족하다는 점은 같고, 무늬가 생기는 때는 다릅니다. 가중치 합이
# 처음부터 서로 독립이므로(원인 2) 기본 초기화 직후에 이미 무늬가 뚜렷합니다. 학습이 이 합을 맞춰 줄 수는 있지만
# 보장은 없습니다.

# %% [markdown] tags=["lang-en"]
# They agree. **Even overlap alone does not remove the pattern**: equal overlap counts mean equal numbers of taps,
# not equal sums of weights.
#
# Odena et al. (2016) name uneven overlap as the default cause, and explain that layers with even overlap also
# often produce similar artifacts through the kernels the model learns. We agree that even overlap is not enough,
# and differ on when the pattern appears: the weight sums are independent from the start (cause 2), so the pattern
# is clear right after default initialization. Training may equalize the sums; nothing guarantees it.

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 심화: 층을 쌓으면: 불균일함은 커지고 주기는 길어진다
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# 실제 생성자는 스트라이드 2인 층을 여러 개 쌓습니다. 원인 1부터 봅시다. 가중치가 모두 같은 K=3, S=2 층을
# 1개, 2개, 3개 쌓으면 안쪽의 최대/최소 비가 4, 9, 25로 커지고, 층마다 무늬의 주기도 2배가 됩니다(2, 4, 8).

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### Deep dive: stacking layers: the unevenness grows and the period lengthens
# You can skip it; nothing later depends on it.
#
# Real generators stack several stride-2 layers. Cause 1 first: with 1, 2 and 3 stacked equal-weight K=3, S=2
# layers the interior max/min ratio grows to 4, 9 and 25, and each layer doubles the period of the pattern
# (2, 4, 8).

# %% tags=["deep-dive"]
def smallest_period(core):
    """The smallest shift that maps the map onto itself along both axes."""
    return next(p for p in range(1, len(core))
                if torch.equal(core[p:], core[:-p]) and torch.equal(core[:, p:], core[:, :-p]))


y = torch.ones(1, 1, 12, 12)
for depth in (1, 2, 3):
    layer = nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1, output_padding=1, bias=False)
    layer.weight.fill_(1.0)
    y = layer(y)
    border = 2 ** (depth + 1)
    core = y[0, 0, border:-border, border:-border]
    print(f"L={depth}: {tuple(y.shape)}, core.max() / core.min() {(core.max() / core.min()).item():.1f}, "
          f"smallest_period {smallest_period(core)}")

# %% [markdown] tags=["lang-ko", "deep-dive"]
# 원인 2를 보려면 겹침이 균일한 K=4, S=2, P=1 층을 기본 초기화 그대로, DCGAN처럼 편향 없이(`bias=False`) 쌓습니다.
# 층 $L$개를 지나면 무늬가 $2^L$픽셀마다 되풀이되므로 강도를 잴 때도 주기를 그만큼 늘립니다. 비교를 위해 최근접
# 이웃 보간 + 합성곱도 같은 깊이로 쌓습니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# For cause 2, stack even-overlap K=4, S=2, P=1 layers with default initialization, without bias as in DCGAN
# (`bias=False`). After $L$ layers the pattern repeats every $2^L$ pixels, so we measure the strength with period
# $2^L$. For comparison, we stack nearest-neighbour upsampling + convolution to the same depth.

# %% tags=["deep-dive"]
def upsample_stack(kind, depth):
    if kind == "ConvT k4s2":
        make = lambda: nn.ConvTranspose2d(C, C, 4, stride=2, padding=1, bias=False)
    else:
        make = lambda: nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"),
                                     nn.Conv2d(C, C, 3, padding=1, bias=False))
    return nn.Sequential(*[make() for _ in range(depth)])


stacked = {}
for kind in ("ConvT k4s2", "Upsample(nearest)+Conv"):
    for depth in (1, 2, 3):
        y = upsample_stack(kind, depth)(flat)
        stacked[kind, depth] = y
        period, border = 2**depth, 2 ** (depth + 1)
        print(f"{kind:<24} L={depth}: {tuple(y.shape)}, checkerboard_strength(y, period={period}) "
              f"{checkerboard_strength(y, period, border):.3f}")

# %% tags=["deep-dive"]
centre = [stacked["ConvT k4s2", depth][0, 0] for depth in (1, 2, 3)]
response_gallery([y[len(y) // 2 - 8:len(y) // 2 + 8, len(y) // 2 - 8:len(y) // 2 + 8] for y in centre],
                 [f"ConvT k4s2 × {depth}, 16×16" for depth in (1, 2, 3)], LANG)

# %% [markdown] tags=["lang-ko", "deep-dive"]
# 전치 합성곱은 몇 층을 쌓아도 강도가 1입니다. 안쪽의 변동이 모두 $2^L$픽셀마다 되풀이되는 무늬라는 뜻입니다.
# 층이 늘면서 달라지는 것은 무늬의 주기(2, 4, 8픽셀)이고, 그림에서도 여러 크기의 격자가 겹쳐 보입니다. 업샘플링
# + 합성곱은 몇 층을 쌓아도 0입니다. 평평한 입력은 평평한 출력으로, 그 출력은 다음 층에서 다시 평평한 출력으로
# 이어지기 때문입니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# Stacked transposed convolutions have strength 1 at every depth: all of the interior's variation is a pattern
# that repeats every $2^L$ pixels. What changes with depth is the pattern's period (2, 4, 8 pixels), and the picture
# shows grids of several sizes on top of each other. Upsample + convolution stays at 0 however deep: a flat input
# gives a flat output, which the next layer again turns into a flat output.

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ## 6. 심화: 기울기에도 체커보드가 생긴다
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# 합성곱의 입력에 대한 기울기는 같은 설정의 전치 합성곱으로 계산됩니다(레슨 02 5절). 그래서 판별자나 인코더의
# 스트라이드 2 합성곱을 거쳐 돌아오는 기울기도 겹침 무늬를 물려받습니다(Odena 외 2016). 7절의 어느 해결책도 이
# 무늬는 없애지 못합니다. 가중치가 모두 1인 K=3, S=2 합성곱에서 `y.sum()`을 역전파하면 입력 기울기는 겹침 지도와
# 정확히 같습니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ## 6. Deep dive: gradients have checkerboards too
# You can skip it; nothing later depends on it.
#
# The gradient of a convolution with respect to its input is computed by the transposed convolution with the same
# settings (lesson 02, section 5), so the gradients that flow back through the stride-2 convolutions of a discriminator or an
# encoder inherit the overlap pattern (Odena et al. 2016). None of section 7's fixes removes it. Backpropagate `y.sum()` through an all-ones K=3, S=2
# convolution: the input gradient is exactly the overlap map.

# %% tags=["deep-dive"]
conv = nn.Conv2d(1, 1, 3, stride=2, bias=False)
conv.weight.fill_(1.0)
with torch.enable_grad():
    x = torch.zeros(1, 1, 17, 17, requires_grad=True)
    y = conv(x)
    y.sum().backward()
print("y:", tuple(y.shape), "x.grad:", tuple(x.grad.shape))
claim("x.grad == overlap_map(8, 3, 2)", torch.equal(x.grad[0, 0], overlap_map(8, 3, 2).float()))
print(x.grad[0, 0, :6, :6])

# %% [markdown] tags=["lang-ko", "deep-dive"]
# 무작위로 초기화한 합성곱도 마찬가지입니다. 스트라이드 1의 기울기에는 무늬가 없고, 스트라이드 2에서는 K=3이든
# K=4든 뚜렷합니다. 겹침이 균일한 K=4에서도 뚜렷한 것은 원인 2가 기울기에도 적용되기 때문입니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# Randomly initialized convolutions behave the same way: stride 1 leaves the gradient pattern-free, stride 2 gives
# a clear pattern with K=3 and K=4 alike. K=4 is clear despite its even overlap because cause 2 applies to
# gradients too.

# %% tags=["deep-dive"]
for k, s, p in [(3, 1, 1), (3, 2, 1), (4, 2, 1)]:
    conv = nn.Conv2d(C, C, k, stride=s, padding=p)
    with torch.enable_grad():
        x = torch.randn(1, C, 32, 32, requires_grad=True)
        conv(x).sum().backward()
    g = checkerboard_strength(x.grad)
    print(f"Conv2d K={k} S={s} P={p}: checkerboard_strength(x.grad) {g:.3f}  {strength_verdict(g, LANG)}")

# %% [markdown] tags=["lang-ko"]
# ## 7. 세 가지 해결책
#
# 원문의 해결책 세 가지를 모듈로 만들어, 원문의 `(1, 256, 14, 14)` 입력에 대한 출력 크기와 상수 입력에 대한
# 체커보드 강도를 봅니다.
#
# 1. **업샘플링 + 합성곱**(resize-convolution): 보간으로 먼저 키우고 3×3 합성곱을 합니다(Odena 외 2016).
# 2. **픽셀 셔플**(서브픽셀 합성곱): 3×3 합성곱으로 채널을 $r^2$배로 늘린 뒤 `PixelShuffle`로 공간에
#    펼칩니다(Shi 외 2016a). 필요하면 ICNR 초기화를 씁니다(Aitken 외 2017).
# 3. **커널 = 스트라이드**: K=2, S=2 전치 합성곱으로 겹침을 없앱니다.

# %% [markdown] tags=["lang-en"]
# ## 7. The three fixes
#
# The document's three fixes as modules: output shapes on its `(1, 256, 14, 14)` input, and the checkerboard
# strength of their response to a constant input.
#
# 1. **Upsample + convolution** (resize-convolution): interpolate first, then a 3×3 convolution (Odena et al.
#    2016).
# 2. **Pixel shuffle** (sub-pixel convolution): a 3×3 convolution makes $r^2$ times the channels, and
#    `PixelShuffle` spreads them over space (Shi et al. 2016a), optionally with ICNR initialization (Aitken et
#    al. 2017).
# 3. **Kernel = stride**: a K=2, S=2 transposed convolution, so nothing overlaps.

# %%
class ResizeConv(nn.Module):
    """Fix 1: interpolate by `scale`, then a 3×3 convolution."""

    def __init__(self, c_in, c_out, scale=2, mode="nearest"):
        super().__init__()
        self.up = nn.Upsample(scale_factor=scale, mode=mode)
        self.conv = nn.Conv2d(c_in, c_out, 3, padding=1)

    def forward(self, x):
        return self.conv(self.up(x))


class SubPixelConv(nn.Module):
    """Fix 2: a 3×3 convolution to c_out·scale² channels, then PixelShuffle(scale); ICNR if asked."""

    def __init__(self, c_in, c_out, scale=2, icnr=False):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out * scale**2, 3, padding=1)
        self.shuffle = nn.PixelShuffle(scale)
        if icnr:
            icnr_(self.conv, scale)

    def forward(self, x):
        return self.shuffle(self.conv(x))


def kernel_equals_stride(c_in, c_out, scale=2):
    """Fix 3: a transposed convolution whose kernel size equals its stride."""
    return nn.ConvTranspose2d(c_in, c_out, kernel_size=scale, stride=scale)


fixes = {
    "ConvT k4s2 (no fix)": nn.ConvTranspose2d(256, 128, 4, stride=2, padding=1),
    "ResizeConv nearest": ResizeConv(256, 128, mode="nearest"),
    "ResizeConv bilinear": ResizeConv(256, 128, mode="bilinear"),
    "SubPixelConv": SubPixelConv(256, 128),
    "SubPixelConv ICNR": SubPixelConv(256, 128, icnr=True),
    "kernel = stride (k2s2)": kernel_equals_stride(256, 128),
}
x = torch.randn(1, 256, 14, 14)
flat_256 = torch.ones(1, 256, 14, 14)
for name, module in fixes.items():
    g = checkerboard_strength(module(flat_256))
    print(f"{name:<24} {tuple(x.shape)} → {tuple(module(x).shape)}  checkerboard_strength {g:.3f}  {strength_verdict(g, LANG)}")

# %% [markdown] tags=["lang-ko"]
# ICNR로 초기화한 픽셀 셔플은 처음에는 "저해상도 3×3 합성곱 뒤 최근접 이웃 보간으로 2배 키우기"와 정확히
# 같습니다. 네 서브픽셀이 한 커널의 사본이라 한 입력 위치에서 나온 2×2 블록의 값이 모두 같기 때문입니다.

# %% [markdown] tags=["lang-en"]
# The ICNR pixel shuffle starts out exactly as "a low-resolution 3×3 convolution, then nearest-neighbour
# upsampling by 2": its four sub-pixels copy one kernel, so each 2×2 block from one input position holds one value.

# %%
icnr_fix = copy.deepcopy(fixes["SubPixelConv ICNR"]).double()
base = nn.Conv2d(256, 128, 3, padding=1, dtype=torch.float64)
base.weight.copy_(icnr_fix.conv.weight[::4])
base.bias.copy_(icnr_fix.conv.bias[::4])
nearest_after_conv = F.interpolate(base(x.double()), scale_factor=2, mode="nearest")
claim("close(icnr_fix(x), nearest_after_conv)", close(icnr_fix(x.double()), nearest_after_conv))

# %% [markdown] tags=["lang-ko"]
# ### 평평하지 않은 입력: 램프
#
# 업샘플링 + 합성곱이 보장하는 것은 상수 입력이 시험하는 바로 그만큼입니다. 보간은 평평한 입력을 평평하게
# 두므로, 가중치가 무엇이든 평평한 영역에는 위상 무늬가 생기지 않습니다. 밝기가 일정하게 변하는 영역은 다릅니다.
# 1씩 커지는 **램프**를 2배로 키우고 시드를 고정한 무작위 3×3 합성곱을 적용한 뒤, 안쪽 한 행에서 이웃한 출력
# 픽셀의 차이(계단 높이 Δy)를 봅시다. 최근접 이웃 보간은 램프를 0, 0, 1, 1, 2, 2, …처럼 폭 2의 계단으로 만들어
# 계단 높이가 주기 2로 번갈아 나오고, 쌍선형 보간은 램프를 램프 그대로 키워 계단 높이가 일정합니다.

# %% [markdown] tags=["lang-en"]
# ### Beyond flat inputs: a ramp
#
# Upsample + convolution guarantees exactly what the constant input tests: interpolation keeps a flat input flat,
# so whatever the weights, flat regions get no phase pattern. Steadily changing brightness is another matter.
# Upsample a **ramp** (growing by 1 per pixel) by 2, apply a seeded random 3×3 convolution, and look at the steps
# Δy between neighbouring output pixels along an interior row. Nearest-neighbour turns the ramp into stairs of
# width two (0, 0, 1, 1, 2, 2, …), so the steps alternate with period 2; bilinear keeps a ramp a ramp, so the
# step is constant.

# %%
ramp = torch.arange(16, dtype=torch.float64).expand(1, 1, 16, 16)
kernel = torch.randn(1, 1, 3, 3, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
for mode in ("nearest", "bilinear"):
    y = F.conv2d(F.interpolate(ramp, scale_factor=2, mode=mode), kernel, padding=1)
    steps = y[0, 0, 16, 4:-4].diff()
    print(f"{mode:<8} Δy:", [round(v, 4) for v in steps[:6].tolist()])
    claim(f"    {mode}: Δy[j + 2] == Δy[j]", close(steps[2:], steps[:-2]))
    claim(f"    {mode}: Δy[j] == Δy[0]", close(steps, steps[0].expand_as(steps)), expected=mode == "bilinear")

# %% [markdown] tags=["lang-ko"]
# 그러니 업샘플링 + 합성곱이 보장하는 것은 "평평한 영역에는 가중치와 상관없이 체커보드가 없다"까지입니다.
# 최근접 이웃 쪽은 밝기가 변하는 영역에 주기 2의 무늬를 남길 수 있고, 쌍선형 쪽도 램프에서 계단이 일정할 뿐 모든
# 입력에서 무늬가 없는 것은 아닙니다. 층이 (편향을 빼면) 선형이므로 이 무늬는 램프의 기울기에 비례하고, 전치
# 합성곱의 무늬와 달리 평평한 배경에는 깔리지 않습니다.

# %% [markdown] tags=["lang-en"]
# So upsample + convolution guarantees "no checkerboard on flat regions, whatever the weights", and no more:
# nearest-neighbour can leave a period-2 pattern where brightness changes, and bilinear's constant step on a ramp
# does not make it pattern-free for every input. The layer is linear (bias aside), so this pattern is proportional
# to the slope and, unlike the transposed convolution's, does not cover flat backgrounds.

# %% [markdown] tags=["lang-ko"]
# ### 각 해결책이 고치는 것과 못 고치는 것
#
# | 해결책 | 고치는 것 | 못 고치는 것 |
# |---|---|---|
# | 업샘플링 + 합성곱 | 평평한 영역에서는 **가중치가 무엇이든**(학습 뒤에도) 두 원인 모두. 레슨 05에서 최근접 이웃 보간 + 3×3 합성곱이 네 위상의 가중치 합이 늘 같도록 묶인 K=4, S=2, P=1 전치 합성곱임을 보입니다. | 밝기가 변하는 영역의 주기 2 계단(최근접 이웃, 램프). 비용: 곱셈-덧셈이 K=4의 2.25배(레슨 05). 최근접 이웃 보간은 2×2 블록을 복사할 뿐이라 매끄럽게 만드는 일은 합성곱이 맡고, 쌍선형 보간은 흐리게 합니다(Odena 외 2016은 최근접 이웃 쪽이 더 나았다고 보고). |
# | 픽셀 셔플 | 기본 초기화로는 **아무것도** 고치지 않습니다(강도 1). ICNR이면 초기화 때 정확히 0입니다. | ICNR은 출발점일 뿐, 학습 중에 서브픽셀 커널을 같게 묶어 두는 것은 없습니다. 편향도 묶어야 하고, `.repeat`로 복사하면 효과가 없습니다. 파라미터는 업샘플링 + 합성곱의 4배입니다. |
# | 커널 = 스트라이드 (K=2, S=2) | 원인 1(겹침 수가 모두 1). | 원인 2. 위상마다 자기 탭 하나만 쓰는 가장 극단적인 "독립 위상" 층이라 초기화 직후 무늬가 뚜렷합니다. "겹침이 없으니 체커보드도 없다"는 원문의 설명은 측정과 맞지 않습니다. 출력 픽셀 하나가 입력 픽셀 하나만 보므로 주변 정보를 섞지 못합니다. |

# %% [markdown] tags=["lang-en"]
# ### What each fix fixes, and what it does not
#
# | Fix | Fixes | Does not fix |
# |---|---|---|
# | Upsample + convolution | Both causes on flat regions, **whatever the weights** (also after training). Lesson 05 shows nearest + 3×3 convolution is a K=4, S=2, P=1 transposed convolution with its four phase weight sums tied equal. | Period-2 steps where brightness changes (nearest; the ramp). Cost: 2.25 times the multiply-adds of K=4 (lesson 05). Nearest only copies 2×2 blocks, leaving the smoothing to the convolution; bilinear blurs (Odena et al. 2016 found nearest better). |
# | Pixel shuffle | With default initialization, **nothing** (strength 1); with ICNR, exactly 0 at initialization. | ICNR is only a start: nothing keeps the sub-pixel kernels equal during training. The bias must be tied too; `.repeat` does nothing. 4 times the parameters of upsample + convolution. |
# | Kernel = stride (K=2, S=2) | Cause 1 (every overlap count is 1). | Cause 2: each phase uses its own single tap, the extreme "independent phases" layer, so the pattern is clear at initialization; the document's "no overlap, no checkerboard" does not match the measurement. Each output pixel sees one input pixel and mixes no neighbourhood. |

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - 겹침 수는 1로 채운 입력과 커널의 전치 합성곱입니다. $K$가 $S$로 나누어떨어지지 않으면 안쪽이 주기 $S$로
#   불균일하고, 2-D에서는 최대/최소 비가 제곱이 됩니다(K=3, S=2: 2 → 4).
# - 원문의 6×6 표(K=4, S=2, P=1, 입력 3×3)는 숫자는 맞지만, 1과 4의 차이는 가장자리 효과입니다. K=4, S=2의
#   안쪽은 균일합니다.
# - 상수 입력에 대한 위상 평균은 위상별 가중치 합입니다. 탭 개수가 다르거나(불균일한 겹침) 탭의 가중치가
#   다르면(서로 독립인 위상) 무늬가 생기므로, 균일한 겹침만으로는 무늬가 사라지지 않습니다.
# - 업샘플링 + 합성곱은 가중치가 무엇이든 평평한 영역에 무늬를 만들지 않지만, 밝기가 변하는 영역에서는 최근접
#   이웃 쪽에 주기 2의 계단이 남을 수 있습니다. 픽셀 셔플은 ICNR일 때만 무늬 없이 출발하고, 커널 = 스트라이드는
#   원인 1만 없앱니다.
#
# **참고 문헌**
#
# - **Odena 외 2016**: A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill, 2016,
#   <https://distill.pub/2016/deconv-checkerboard/>.
# - **Shi 외 2016a**: W. Shi, J. Caballero, F. Huszár, J. Totz, A. P. Aitken, R. Bishop, D. Rueckert, Z. Wang,
#   *Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional Neural Network*
#   (ESPCN), CVPR 2016, arXiv:1609.05158, 2016, <https://arxiv.org/abs/1609.05158>.
# - **Aitken 외 2017**: A. Aitken, C. Ledig, L. Theis, J. Caballero, Z. Wang, W. Shi, *Checkerboard artifact free
#   sub-pixel convolution: A note on sub-pixel convolution, resize convolution and convolution resize* (ICNR),
#   arXiv:1707.02937, 2017, <https://arxiv.org/abs/1707.02937>.
# - **Radford 외 2015**: A. Radford, L. Metz, S. Chintala, *Unsupervised Representation Learning with Deep
#   Convolutional Generative Adversarial Networks* (DCGAN), arXiv:1511.06434, 2015,
#   <https://arxiv.org/abs/1511.06434>.

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - Overlap counts are the transposed convolution of ones with ones. When $S$ does not divide $K$ the interior is
#   uneven with period $S$; in 2-D the max/min ratio is squared (K=3, S=2: 2 → 4).
# - The document's 6×6 table (K=4, S=2, P=1, 3×3 input) has the right numbers, but its 1 versus 4 is a border
#   effect: the interior of K=4, S=2 is even.
# - A constant input's phase means are the per-phase weight sums. Different numbers of taps (uneven overlap) or
#   different tap weights (independent phases) make a pattern, so even overlap alone does not remove it.
# - Upsample + convolution puts no pattern on flat regions, whatever the weights; where brightness changes,
#   nearest-neighbour can leave period-2 steps. The pixel shuffle starts pattern-free only with ICNR; kernel =
#   stride removes cause 1 only.
#
# **References**
#
# - **Odena et al. 2016**: A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill,
#   2016, <https://distill.pub/2016/deconv-checkerboard/>.
# - **Shi et al. 2016a**: W. Shi, J. Caballero, F. Huszár, J. Totz, A. P. Aitken, R. Bishop, D. Rueckert, Z. Wang,
#   *Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional Neural Network*
#   (ESPCN), CVPR 2016, arXiv:1609.05158, 2016, <https://arxiv.org/abs/1609.05158>.
# - **Aitken et al. 2017**: A. Aitken, C. Ledig, L. Theis, J. Caballero, Z. Wang, W. Shi, *Checkerboard artifact
#   free sub-pixel convolution: A note on sub-pixel convolution, resize convolution and convolution resize* (ICNR),
#   arXiv:1707.02937, 2017, <https://arxiv.org/abs/1707.02937>.
# - **Radford et al. 2015**: A. Radford, L. Metz, S. Chintala, *Unsupervised Representation Learning with Deep
#   Convolutional Generative Adversarial Networks* (DCGAN), arXiv:1511.06434, 2015,
#   <https://arxiv.org/abs/1511.06434>.

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. K=6, S=4의 겹침은 안쪽에서 균일할까요? 안쪽에서 되풀이되는 1-D 겹침 수는 무엇인가요? (→ 1절)
# 2. 6×6 표(입력 3×3, K=4, S=2, P=1)의 1과 4의 차이가 체커보드가 아닌 까닭은 무엇인가요? (→ 2절)
# 3. 무작위로 초기화한 K=4, S=2, P=1 층에 상수 입력을 넣으면 왜 네 위상의 값이 서로 다를까요? 짝수 행 위상에는 커널의 어느 행이 닿나요? (→ 4, 5절)
# 4. 최근접 이웃 보간 + 합성곱, ICNR로 초기화한 픽셀 셔플, K=2, S=2 전치 합성곱은 각각 무엇을 고치고 무엇을 남기나요? (→ 7절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. Is the interior overlap of K=6, S=4 even? Which 1-D counts repeat in the interior? (→ section 1)
# 2. Why is the 1 versus 4 of the 6×6 table (3×3 input, K=4, S=2, P=1) not a checkerboard? (→ section 2)
# 3. Why does a randomly initialized K=4, S=2, P=1 layer give its four phases different values for a constant input? Which kernel rows reach the even-row phase? (→ sections 4, 5)
# 4. What do nearest + convolution, the ICNR pixel shuffle and K=2, S=2 each fix, and what do they leave? (→ section 7)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 문제마다 아래에 접힌 풀이 셀이 있습니다.
#
# **1.** 원래 DCGAN의 커널 크기를 5에서 7로 키운다고 해 봅시다(K=7, S=2). 2-D 겹침 지도의 안쪽 값 가운데 가장 큰 값은 얼마일까요?

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. A collapsed solution cell follows
# each exercise.
#
# **1.** Suppose the original DCGAN's kernel grows from 5 to 7 (K=7, S=2). What is the largest interior value of the
# 2-D overlap map?

# %%
answer = ...
check("04.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
grid, inside = overlap_map(8, 7, 2, 3), interior_range(8, 7, 2, 3)
solution = int(grid[inside.start:inside.stop, inside.start:inside.stop].max())
verify("04.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** 스트라이드 3에서 안쪽이 균일하게 겹치는 커널 크기 가운데, 5 이상인 가장 작은 값은 얼마일까요?

# %% [markdown] tags=["lang-en"]
# **2.** With stride 3, what is the smallest kernel size of at least 5 whose interior overlap is even?

# %%
answer = ...
check("04.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = next(k for k in range(5, 20) if len(interior_values(8, k, 3)) == 1)
verify("04.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3.** 출력 채널 2개, 배율 2인 픽셀 셔플에 ICNR을 `.repeat(4, 1, 1, 1)`로 잘못 구현했습니다. 출력 채널 0의 네
# 위상에는 서로 다른 기본 커널이 몇 개 쓰일까요? (`PixelShuffle(2)`는 출력 채널 0을 합성곱 채널 0~3으로 만듭니다.)

# %% [markdown] tags=["lang-en"]
# **3.** A pixel shuffle with 2 output channels and scale 2 has ICNR implemented wrongly with
# `.repeat(4, 1, 1, 1)`. How many different base kernels feed the four phases of output channel 0?
# (`PixelShuffle(2)` builds output channel 0 from convolution channels 0 to 3.)

# %%
answer = ...
check("04.3", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
base_kernels = torch.randn(2, 1, 3, 3)
copies = base_kernels.repeat(4, 1, 1, 1)[:4]
solution = len({tuple(kernel.flatten().tolist()) for kernel in copies})
verify("04.3", solution)

# %% [markdown] tags=["lang-ko"]
# **4.** 가중치가 모두 1인 `Conv2d(1, 1, 3, stride=2, bias=False)`에 17×17 입력을 넣고 `y.sum()`을 역전파합니다.
# 테두리 2픽셀을 뺀 입력 기울기에는 서로 다른 값이 몇 가지 있을까요? (레슨 02 5절 참고)

# %% [markdown] tags=["lang-en"]
# **4.** Feed a 17×17 input to an all-ones `Conv2d(1, 1, 3, stride=2, bias=False)` and backpropagate
# `y.sum()`. Leaving out a 2-pixel border, how many different values does the input gradient take? (See lesson
# 02, section 5.)

# %%
answer = ...
check("04.4", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
conv = nn.Conv2d(1, 1, 3, stride=2, bias=False)
conv.weight.fill_(1.0)
with torch.enable_grad():
    x = torch.zeros(1, 1, 17, 17, requires_grad=True)
    conv(x).sum().backward()
solution = len(x.grad[0, 0, 2:-2, 2:-2].unique())
verify("04.4", solution)

# %% [markdown] tags=["lang-ko"]
# **5. (코딩)** 1절의 겹침 수를 직접 세는 함수를 써 봅시다. `overlap_counts(input_size, kernel_size, stride, padding)`은
# 1-D 전치 합성곱의 출력 칸마다 커널 탭이 몇 번 더해지는지를 1-D 텐서로 돌려줍니다. 채점기는 값이 모두 1인 입력과
# 커널로 `F.conv_transpose1d`를 실행한 결과와 비교합니다(정수 텐서도, 실수 텐서도 받습니다).
#
# 막히면 `hint("04.5", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **5. (coding)** Write a function that counts section 1's overlaps.
# `overlap_counts(input_size, kernel_size, stride, padding)` returns, as a 1-D tensor, how many kernel taps are
# added into each output cell of a 1-D transposed convolution. The checker compares it with `F.conv_transpose1d`
# run on an all-ones input and kernel (integer and floating-point tensors are both accepted).
#
# Stuck? Run `hint("04.5", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def overlap_counts(input_size, kernel_size, stride, padding):
    ...


check_code("04.5", overlap_counts, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(input_size, kernel_size, stride, padding):
    full = torch.zeros((input_size - 1) * stride + kernel_size)
    for i in range(input_size):
        full[i * stride:i * stride + kernel_size] += 1
    return full[padding:full.numel() - padding]


verify_code("04.5", solution)

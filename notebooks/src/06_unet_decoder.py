# %% [markdown] tags=["lang-ko"]
# # 06. 실전: U-Net 디코더
#
# U-Net(Ronneberger 외 2015)은 분할의 표준 구조입니다. 인코더가 특징 맵을 줄이고, 디코더가 전치 합성곱으로
# 다시 키우면서 같은 크기의 인코더 특징 맵을 **스킵 연결**로 받아 이어 붙입니다. 원 논문은 이 업샘플링을
# "up-convolution"이라 부르고, 2×2 커널로 크기를 두 배로 키우면서 채널을 절반으로 줄입니다.
#
# 이 레슨에서 할 일:
#
# 1. 원문의 디코더 블록을 그대로 실행해 출력 크기, 파라미터 수, 층별 표를 확인합니다.
# 2. 입력 크기가 홀수일 때 `torch.cat`이 왜 실패하는지 보고, 세 가지 해결책 가운데 무엇이 맞는지 따져 봅니다.
# 3. 두 단계짜리 작은 U-Net을 합성 데이터로 직접 학습시키고, 전치 합성곱 업 블록과 업샘플링 + 합성곱 업 블록을
#    같은 예산으로 비교합니다.

# %% [markdown] tags=["lang-en"]
# # 06. In practice: the U-Net decoder
#
# U-Net (Ronneberger et al. 2015) is the standard architecture for segmentation. The encoder shrinks the
# feature maps; the decoder grows them back with transposed convolutions and concatenates, through **skip
# connections**, the encoder feature map of the same size. The paper calls this upsampling an
# "up-convolution": a 2×2 kernel that doubles the size and halves the channels.
#
# In this lesson you will:
#
# 1. Run the source document's decoder block as written and check its output shape, parameter count and
#    per-layer table.
# 2. See why `torch.cat` fails when a size is odd, and weigh three fixes to find the right one.
# 3. Train a small two-level U-Net on synthetic data, and compare a transposed-convolution up-block with an
#    upsample + convolution up-block on the same budget.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** U-Net 디코더 블록의 출력 크기와 파라미터 수를 층마다 계산하고, 홀수 크기에서 생기는 크기 불일치를 줄이 어긋나지 않는 방법으로 고치고, 두 업 블록을 같은 예산으로 학습한 비교에서 말할 수 있는 것과 없는 것을 가를 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** compute a U-Net decoder block's output shape and parameter count layer by layer, fix the size mismatch of odd sizes without misaligning rows, and tell what a same-budget comparison of two up-blocks does and does not show.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 3절의 학습 셀(두 모델)이 이 레슨에서 가장 오래 걸립니다. 수업을 시작할 때 **Run All**을 눌러
# 두고, 학습이 도는 동안 1–2절을 설명하세요.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** The training cell of section 3 (both models) takes the longest in this lesson. Press **Run
# All** at the start of the class and explain sections 1–2 while it trains.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import copy

import torch
from torch import nn
from torch.nn import functional as F
from tqdm.auto import tqdm

from course_utils.arithmetic import conv_transpose_output_size, output_size_range
from course_utils.claims import claim, close
from course_utils.diagrams import segmentation_samples
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.i18n import message
from course_utils.metrics import checkerboard_strength, strength_verdict
from course_utils.notebook import setup
from course_utils.summary import layer_table

setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 원문의 디코더 블록
#
# 원문의 코드를 그대로 옮겼습니다. 전치 합성곱(커널 2, 스트라이드 2)이 크기를 두 배로 키우며 채널을
# 절반으로 줄이고, 스킵 연결의 특징 맵과 채널 방향으로 이어 붙인 뒤, `합성곱 → 배치 정규화 → ReLU`를 두 번
# 거칩니다.

# %% [markdown] tags=["lang-en"]
# ## 1. The document's decoder block
#
# This is the source document's code as written. A transposed convolution (kernel 2, stride 2) doubles the
# size and halves the channels, the result is concatenated with the skip connection's feature map along
# the channels, and `convolution → batch normalization → ReLU` follows twice.

# %%
class UNetDecoderBlock(nn.Module):
    """One U-Net decoder stage: upsample ×2, concatenate the skip, two conv-BN-ReLU."""

    def __init__(self, in_ch, skip_ch, out_ch):
        super().__init__()
        self.up = nn.ConvTranspose2d(in_ch, in_ch // 2, 2, stride=2)
        self.conv = nn.Sequential(
            nn.Conv2d(in_ch // 2 + skip_ch, out_ch, 3, padding=1),
            nn.BatchNorm2d(out_ch),
            nn.ReLU(inplace=True),
            nn.Conv2d(out_ch, out_ch, 3, padding=1),
            nn.BatchNorm2d(out_ch),
            nn.ReLU(inplace=True),
        )

    def forward(self, x, skip):
        x = self.up(x)
        x = torch.cat([x, skip], dim=1)
        return self.conv(x)


block = UNetDecoderBlock(512, 256, 256)
x = torch.randn(1, 512, 14, 14)
skip = torch.randn(1, 256, 28, 28)
y = block(x, skip)
print("y:", tuple(y.shape))
print("Σ numel:", f"{sum(p.numel() for p in block.parameters()):,}")

# %% [markdown] tags=["lang-ko"]
# 원문이 주석으로 적은 출력 `(1, 256, 28, 28)`이 맞습니다. 블록 안에서 텐서가 어떻게 바뀌는지 한 단계씩 보면
# 채널을 절반으로 줄이는 이유가 드러납니다. 이어 붙인 뒤의 채널은 `in_ch // 2 + skip_ch`이고, U-Net처럼
# `skip_ch = in_ch // 2`이면 다시 `in_ch`가 됩니다.

# %% [markdown] tags=["lang-en"]
# The output `(1, 256, 28, 28)` that the document states in a comment is right. Following the tensor through
# the block step by step shows why the channels are halved: after concatenation there are
# `in_ch // 2 + skip_ch` channels, which is `in_ch` again when `skip_ch = in_ch // 2`, as in U-Net.

# %%
up = block.up(x)
joined = torch.cat([up, skip], dim=1)
print("x:     ", tuple(x.shape))
print("up(x): ", tuple(up.shape))
print("cat:   ", tuple(joined.shape))
print("conv:  ", tuple(block.conv(joined).shape))

# %% [markdown] tags=["lang-ko"]
# ### 층별 표
#
# `course_utils.summary.layer_table`은 순전파 훅으로 각 층의 출력 크기와 그 층 자신의 파라미터 수를 호출 순서대로
# 적습니다(평가 모드로 한 번 실행하고 원래 모드로 되돌립니다). `torch.cat`은 모듈이 아니라 함수라서 표에 줄이
# 없습니다. 위에서 본 `(1, 512, 28, 28)`이 `conv.0`의 입력입니다.

# %% [markdown] tags=["lang-en"]
# ### Per-layer table
#
# `course_utils.summary.layer_table` uses forward hooks to list each layer's output shape and the
# parameters it owns, in call order (it runs the model once in eval mode and restores the previous mode).
# `torch.cat` is a function, not a module, so it has no row: the `(1, 512, 28, 28)` seen above is what
# `conv.0` receives.

# %%
print(layer_table(block, x, skip, lang=LANG))

# %% [markdown] tags=["lang-ko"]
# 표의 숫자를 공식으로 다시 셉니다. 전치 합성곱의 가중치 모양은 `(in_ch, out_ch, k, k)`이고 편향이 `out_ch`개,
# 합성곱은 `(out_ch, in_ch, k, k)`와 편향, 배치 정규화는 채널마다 γ와 β 두 개입니다.

# %% [markdown] tags=["lang-en"]
# Now count the table's numbers with formulas. A transposed convolution's weight has shape
# `(in_ch, out_ch, k, k)` plus `out_ch` biases; a convolution has `(out_ch, in_ch, k, k)` plus biases; batch
# normalization has two parameters per channel, γ and β.

# %%
formula = {
    "up": 512 * 256 * 2 * 2 + 256,
    "conv.0": 256 * 512 * 3 * 3 + 256,
    "conv.1": 2 * 256,
    "conv.3": 256 * 256 * 3 * 3 + 256,
    "conv.4": 2 * 256,
}
for name, count in formula.items():
    module = block.get_submodule(name)
    claim(f"{name:7} {count:>9,}", sum(p.numel() for p in module.parameters()) == count)
total = sum(p.numel() for p in block.parameters())
print('formula["up"] / total:', round(formula["up"] / total, 3))

# %% [markdown] tags=["lang-ko"]
# 업샘플링 층은 블록 파라미터의 약 23%이고, 가장 큰 층은 이어 붙인 512채널을 받는 첫 번째 3×3 합성곱입니다.
#
# **원문 코드의 작은 낭비.** `nn.Conv2d`에는 기본으로 편향이 있는데, 바로 뒤의 배치 정규화가 채널마다 평균을
# 빼므로 그 편향은 학습 모드에서 출력에 아무 영향을 주지 못합니다. 그래서 흔히 `bias=False`를 씁니다(이
# 블록에서는 256 + 256 = 512개를 아낍니다).

# %% [markdown] tags=["lang-en"]
# The upsampling layer holds about 23% of the block's parameters; the largest layer is the first 3×3
# convolution, which reads the 512 concatenated channels.
#
# **A small waste in the document's code.** `nn.Conv2d` has a bias by default, but the batch normalization
# right after it subtracts each channel's mean, so in training mode that bias cannot change the output. That is
# why `bias=False` is common here (it saves 256 + 256 = 512 parameters in this block).

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 심화: 편향이 정말 사라지는지 확인하기
#
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다. 블록의 복사본에서 첫 합성곱의 편향에 5를 더해도 출력이
# 그대로인지 봅니다. `float32`에서는 5를 더하고 평균을 다시 빼는 동안 생기는 반올림 오차가 비교를 흐릴 수 있으므로
# `float64`로 계산하고, 두 출력의 차이가 가장 큰 절댓값의 10⁻⁹배 이하이면 같다고 봅니다(`close`).

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### Deep dive: checking that the bias really vanishes
#
# You can skip it; nothing later depends on it. We add 5 to the first convolution's bias in a copy of the block
# and check that the output stays as it was. In `float32` the rounding while 5 is added and the mean subtracted
# again can blur the comparison, so we compute in `float64` and call the two outputs equal when they differ by at
# most 10⁻⁹ times their largest absolute value (`close`).

# %% tags=["deep-dive"]
block64, x64, skip64 = copy.deepcopy(block).double(), x.double(), skip.double()
with torch.no_grad():
    before = block64(x64, skip64)
    block64.conv[0].bias.add_(5.0)
    after = block64(x64, skip64)
claim("close(before, after)", close(before, after))

# %% [markdown] tags=["lang-ko"]
# ## 2. 홀수 크기: 101은 50을 거쳐 100으로 돌아온다
#
# 2×2 최대 풀링은 나머지를 버립니다(⌊101/2⌋ = 50). 커널 2, 스트라이드 2인 전치 합성곱은 50을 정확히 두 배인
# 100으로 만듭니다. 그래서 101×101 스킵 특징 맵과 이어 붙일 수 없습니다. 채널 수를 줄인 블록으로
# 재현합니다(아래 셀은 일부러 오류를 냅니다).

# %% [markdown] tags=["lang-en"]
# ## 2. Odd sizes: 101 comes back as 100 through 50
#
# 2×2 max pooling drops the remainder (⌊101/2⌋ = 50). A transposed convolution with kernel 2 and stride 2
# doubles 50 to exactly 100, which cannot be concatenated with the 101×101 skip feature map. We reproduce
# it with a block of fewer channels (the next cell raises an error on purpose).

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** `torch.cat`이 실패하는 셀을 실행하기 전에 크기를 예측하게 하세요(101 → 50 → ?). 세
# 해결책 모두 오류 없이 지나가므로, 어느 것이 맞는지는 맞춰진 줄의 수로 판단한다는 점이 이 절의 요점입니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** Before running the cell where `torch.cat` fails, ask for a prediction (101 → 50 → ?). All
# three fixes pass without an error, so the point of this section is that the count of aligned rows decides which
# is right.

# %%
small = UNetDecoderBlock(16, 8, 8)
skip_odd = torch.randn(1, 8, 101, 101)
x_odd = torch.randn(1, 16, 50, 50)
print("max_pool2d(skip_odd):", tuple(F.max_pool2d(skip_odd, 2).shape))
print("up(x_odd):           ", tuple(small.up(x_odd).shape))

# %% tags=["raises-exception"]
small(x_odd, skip_odd)

# %% [markdown] tags=["lang-ko"]
# 레슨 03의 공식 $O = (I-1)S - 2P + K + P_{out}$로 보면 $P_{out}=0$일 때 $(50-1)\cdot 2 + 2 = 100$입니다.
# `ConvTranspose2d`는 `forward(x, output_size=...)`로 $[O_{min}, O_{min} + S - 1]$ 범위의 크기를 받으므로
# 101도 고를 수 있습니다.

# %% [markdown] tags=["lang-en"]
# With lesson 03's formula $O = (I-1)S - 2P + K + P_{out}$ and $P_{out}=0$ we get $(50-1)\cdot 2 + 2 = 100$.
# `ConvTranspose2d` accepts `forward(x, output_size=...)` for any size in $[O_{min}, O_{min} + S - 1]$,
# so 101 can be chosen too.

# %%
print("conv_transpose_output_size:", conv_transpose_output_size(50, kernel_size=2, stride=2))
print("output_size_range:", list(output_size_range(50, kernel_size=2, stride=2)))

# %% [markdown] tags=["lang-ko"]
# ### 세 가지 해결책
#
# 1. **`output_size=`**: 업샘플링할 때 스킵의 크기를 알려 줍니다. PyTorch가 `output_padding=1`을 넣어 101을 만듭니다.
# 2. **패딩**: 업샘플링 결과에 한 행과 한 열을 덧붙입니다. 널리 복사된 Pytorch-UNet 저장소(milesial)의 방식
#    `F.pad(x, [diff // 2, diff - diff // 2, ...])`를 그대로 씁니다.
# 3. **잘라내기**: 스킵 쪽을 가운데에서 100×100으로 잘라 냅니다. 원 논문은 패딩 없는 합성곱 때문에 디코더 쪽이
#    더 작아서 이렇게 했습니다.
#
# 셋 다 `torch.cat`을 통과합니다.

# %% [markdown] tags=["lang-en"]
# ### Three fixes
#
# 1. **`output_size=`**: tell the upsampler the skip's size; PyTorch adds `output_padding=1` and makes 101.
# 2. **Padding**: add a row and a column to the upsampled map, with the recipe of the widely copied
#    Pytorch-UNet repository (milesial), `F.pad(x, [diff // 2, diff - diff // 2, ...])`.
# 3. **Cropping**: cut the skip down to its central 100×100. The original paper did this because its
#    unpadded convolutions left the decoder side smaller.
#
# All three get through `torch.cat`.

# %%
def pad_to(up, skip):
    dh, dw = skip.shape[-2] - up.shape[-2], skip.shape[-1] - up.shape[-1]
    return F.pad(up, [dw // 2, dw - dw // 2, dh // 2, dh - dh // 2])


def center_crop(skip, size):
    top, left = (skip.shape[-2] - size[0]) // 2, (skip.shape[-1] - size[1]) // 2
    return skip[..., top:top + size[0], left:left + size[1]]


up_odd = small.up(x_odd)
fixes = {
    "output_size=": (small.up(x_odd, output_size=skip_odd.shape[-2:]), skip_odd),
    "pad_to": (pad_to(up_odd, skip_odd), skip_odd),
    "center_crop": (up_odd, center_crop(skip_odd, up_odd.shape[-2:])),
}
for name, (a, b) in fixes.items():
    print(f"{name:13}", "cat:", tuple(torch.cat([a, b], dim=1).shape))
last_row = fixes["output_size="][0][0, :, 100, :]
claim("up(x_odd, output_size=…)[0, :, 100, :] == up.bias", torch.equal(last_row, small.up.bias[:, None].expand_as(last_row)))

# %% [markdown] tags=["lang-ko"]
# ### 어느 것이 맞을까: 줄 맞춤을 세어 보기
#
# 크기가 맞는다고 끝이 아닙니다. 디코더의 j번째 줄은 스킵의 j번째 줄과 **같은 자리**를 봐야 합니다. 이를 세기
# 위해 모든 픽셀에 자기 줄 번호를 적은 "스킵"을 만들고, 풀링한 뒤 가중치가 모두 1인 커널 2, 스트라이드 2 전치
# 합성곱(각 값을 2×2 블록에 복사)으로 되돌립니다. 디코더 j번째 줄의 값이 j를 포함한 풀링 창에서 왔으면 맞춰진
# 줄입니다. 덧붙인 칸은 -1로 표시합니다. 비교를 위해 패딩을 **앞쪽**(위·왼쪽)에 넣는 실수도 함께 셉니다.

# %% [markdown] tags=["lang-en"]
# ### Which one is right? Count the aligned rows
#
# Matching sizes are not the end of it: decoder row j must look at the **same place** as skip row j. To
# count this, we build a "skip" whose pixels hold their own row number, pool it, and bring it back with a
# kernel-2, stride-2 transposed convolution whose weights are all 1 (it copies each value to a 2×2 block).
# A decoder row is aligned when its value came from the pooling window that contains row j. Added cells are
# marked -1. For comparison we also count a mistake: padding at the **start** (top and left).

# %%
rows = torch.arange(101.0).view(1, 1, 101, 1).expand(1, 1, 101, 101)
pooled = F.max_pool2d(rows, 2)
copy_up = nn.ConvTranspose2d(1, 1, 2, stride=2, bias=False)
nn.init.ones_(copy_up.weight)

with torch.no_grad():
    up_rows = copy_up(pooled)
    decoded = {
        "output_size=": (copy_up(pooled, output_size=(101, 101)), rows),
        "F.pad [0, 1, 0, 1]": (F.pad(up_rows, [0, 1, 0, 1], value=-1), rows),
        "F.pad [1, 0, 1, 0]": (F.pad(up_rows, [1, 0, 1, 0], value=-1), rows),
        "center_crop": (up_rows, center_crop(rows, (100, 100))),
    }
print(" " * 18, message("outputs.rows", LANG), message("outputs.aligned", LANG))
for name, (dec, ref) in decoded.items():
    source, target = dec[0, 0, :, 50], ref[0, 0, :, 50]
    aligned = int((torch.div(source, 2, rounding_mode="floor") == torch.div(target, 2, rounding_mode="floor")).sum())
    print(f"{name:18}", f"{len(target):5}", f"{aligned:8}")

# %% [markdown] tags=["lang-ko"]
# - `output_size=`와 milesial식 패딩은 같은 결과입니다. 차이가 1이면 `diff // 2 = 0`이라 덧붙임이 모두
#   끝쪽으로 가기 때문입니다. 101줄 가운데 100줄이 맞고, 남은 한 줄(100번)은 풀링이 이미 버린 줄이라 어떤
#   방법으로도 되살릴 수 없습니다. `output_size=`로 만든 그 줄에는 어떤 입력도 닿지 않아 편향만 남습니다(레슨 03의
#   `output_padding`).
# - **앞쪽 패딩**(`F.pad [1, 0, 1, 0]`)도 크기는 맞지만 101줄 가운데 50줄만 맞고, 덧붙인 0번 줄 말고도 50줄이
#   한 칸씩 어긋납니다. 오류가 나지 않으니 가장 위험한 실수입니다.
# - **잘라내기**도 줄은 맞지만, 스킵의 한 줄을 버리고 디코더의 출력이 100×100이 되어 101×101 입력의 정답 마스크와
#   크기가 다릅니다. 원 논문은 입력의 가운데 부분만 예측하고 큰 이미지를 겹치는 타일로 나누어(overlap-tile) 이를
#   감당했습니다.
#
# **결론**: 입력과 같은 크기의 마스크가 필요하면 `output_size=skip.shape[-2:]`를 쓰세요. 의도가 코드에 드러나고,
# 모든 층에서 줄이 맞습니다. 더 간단한 길은 입력 크기를 처음부터 $2^{\text{단계 수}}$의 배수로 맞추는 것(입력에
# 패딩하고 예측을 잘라 냄)입니다. 그러면 어느 단계에서도 크기가 어긋나지 않습니다.

# %% [markdown] tags=["lang-en"]
# - **`output_size=`** and milesial's **padding** give the same result: with a difference of 1, `diff // 2 = 0`
#   puts all of the padding at the end. 100 of the 101 rows are aligned; the remaining row (row 100) was
#   already dropped by the pooling, and no method can bring it back. In the `output_size=` version no input
#   reaches that row, so it holds only the bias (lesson 03's `output_padding`).
# - **Padding at the start** (`F.pad [1, 0, 1, 0]`) also matches the sizes, but only 50 of the 101 rows are
#   aligned: besides the added row 0, 50 rows are off by one. It raises no error, which makes it the most
#   dangerous mistake.
# - **Cropping** keeps the rows aligned too, but it throws away a skip row, and the decoder's output becomes
#   100×100, which no longer matches the true mask of a 101×101 input. The original paper lived with this by
#   predicting only the centre of its input and tiling large images with overlap (overlap-tile).
#
# **Verdict**: when you need a mask the size of the input, use `output_size=skip.shape[-2:]`: the intent is
# in the code and every layer stays aligned. Simpler still, make the input size a multiple of
# $2^{\text{levels}}$ from the start (pad the input, crop the prediction); then no stage ever mismatches.

# %% [markdown] tags=["lang-ko"]
# ## 3. 작은 U-Net을 직접 학습하기
#
# ### 과제: 원만 찾아라
#
# 32×32 이미지마다 원 하나와 사각형 하나를 잡음 섞인 배경에 그립니다. 정답 마스크는 **원만** 1입니다. 두 도형의
# 밝기는 같은 범위에서 뽑으므로, 밝기만 보는 방법으로는 원과 사각형을 가를 수 없습니다. 모양을 봐야 합니다.
# 데이터는 코드로 만들고 시드를 고정합니다.

# %% [markdown] tags=["lang-en"]
# ## 3. Training a small U-Net
#
# ### The task: find the disks
#
# Each 32×32 image holds one disk and one square on a noisy background. The true mask is 1 on the **disk
# only**. Both shapes draw their brightness from the same range, so nothing that looks at brightness alone
# can tell them apart: the model has to see shape. The data is generated in code with a fixed seed.

# %%
def make_shapes(n, size=32, seed=0):
    """n noisy images with a disk and a square each; the mask marks the disk's pixels."""
    g = torch.Generator().manual_seed(seed)
    yy, xx = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    images = torch.zeros(n, 1, size, size)
    masks = torch.zeros(n, 1, size, size)
    for is_disk in (True, False):
        cy, cx = (torch.randint(4, size - 4, (2, n, 1, 1), generator=g)).unbind(0)
        r = torch.randint(4, 8, (n, 1, 1), generator=g)
        if is_disk:
            region = (yy - cy) ** 2 + (xx - cx) ** 2 <= r**2
        else:
            region = ((yy - cy).abs() <= r - 1) & ((xx - cx).abs() <= r - 1)
        brightness = 0.6 + 0.4 * torch.rand(n, 1, 1, generator=g)
        images[:, 0] = torch.where(region, brightness, images[:, 0])
        masks[:, 0] = torch.where(region, float(is_disk), masks[:, 0])
    images += 0.3 * torch.randn(images.shape, generator=g)
    return images, masks


train_x, train_y = make_shapes(512, seed=1)
test_x, test_y = make_shapes(128, seed=2)
print("train_x:", tuple(train_x.shape), "test_x:", tuple(test_x.shape))
print("train_y.mean():", round(train_y.mean().item(), 3))

# %% [markdown] tags=["lang-ko"]
# 성능은 IoU(교집합 ÷ 합집합)로 잽니다. 테스트 세트 전체에서 예측한 원 픽셀과 정답 원 픽셀의 교집합을 합집합으로
# 나눈 값입니다. 먼저 밝기 문턱값 하나로 얻을 수 있는 최고 점수를 구해 둡니다. 학습 세트에서 가장 좋은 문턱값을
# 찾아 테스트 세트에 적용합니다.

# %% [markdown] tags=["lang-en"]
# We measure IoU (intersection over union): over the whole test set, the pixels predicted as disk and the
# true disk pixels, intersection divided by union. First, the best that a single brightness threshold can
# do: find the best threshold on the training set and apply it to the test set.

# %%
def iou(predicted, target):
    predicted, target = predicted.bool(), target.bool()
    return (predicted & target).sum().item() / (predicted | target).sum().item()


thresholds = torch.linspace(0.0, 1.2, 25)
above = train_x.flatten() > thresholds[:, None]
truth = train_y.flatten().bool()
best = thresholds[((above & truth).sum(dim=1) / (above | truth).sum(dim=1)).argmax()].item()
print("best:", round(best, 2))
print(f"iou(test_x > {round(best, 2)}, test_y):", round(iou(test_x > best, test_y), 3))

# %% [markdown] tags=["lang-ko"]
# ### 두 단계 U-Net과 두 가지 업 블록
#
# 인코더는 32 → 16 → 8로 두 번 줄이고, 디코더는 8 → 16 → 32로 두 번 키웁니다. 각 단계는 위 원문 블록과 같은
# `합성곱-배치 정규화-ReLU` 두 번입니다. 업 블록만 갈아 끼울 수 있게 했습니다.
#
# - `"transposed"`: 원문과 같은 `ConvTranspose2d(k=2, s=2)`로 채널을 절반으로 줄이며 두 배로 키움
# - `"upsample"`: 최근접 이웃 보간으로 두 배로 키운 뒤 3×3 합성곱으로 채널을 절반으로 줄임(레슨 04의 해결책,
#   Stable Diffusion의 디코더도 이 방식입니다)

# %% [markdown] tags=["lang-en"]
# ### A two-level U-Net and two up-blocks
#
# The encoder shrinks 32 → 16 → 8 and the decoder grows 8 → 16 → 32. Every stage is the document block's
# `conv-BN-ReLU` twice. Only the up-block can be swapped:
#
# - `"transposed"`: the document's `ConvTranspose2d(k=2, s=2)`, doubling the size and halving the channels
# - `"upsample"`: nearest-neighbour interpolation doubles the size, then a 3×3 convolution halves the
#   channels (lesson 04's fix; Stable Diffusion's decoder works this way too)

# %%
def conv_block(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
        nn.Conv2d(c_out, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
    )


def upsampler(c_in, kind):
    if kind == "transposed":
        return nn.ConvTranspose2d(c_in, c_in // 2, 2, stride=2)
    return nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(c_in, c_in // 2, 3, padding=1))


class Up(nn.Module):
    def __init__(self, c_in, c_skip, c_out, kind):
        super().__init__()
        self.up = upsampler(c_in, kind)
        self.conv = conv_block(c_in // 2 + c_skip, c_out)

    def forward(self, x, skip):
        return self.conv(torch.cat([self.up(x), skip], dim=1))


class TinyUNet(nn.Module):
    def __init__(self, kind, width=8):
        super().__init__()
        w = width
        self.enc1, self.enc2, self.mid = conv_block(1, w), conv_block(w, 2 * w), conv_block(2 * w, 4 * w)
        self.up2, self.up1 = Up(4 * w, 2 * w, 2 * w, kind), Up(2 * w, w, w, kind)
        self.head = nn.Conv2d(w, 1, 1)

    def forward(self, x):
        s1 = self.enc1(x)
        s2 = self.enc2(F.max_pool2d(s1, 2))
        m = self.mid(F.max_pool2d(s2, 2))
        return self.head(self.up1(self.up2(m, s2), s1))


for kind in ("transposed", "upsample"):
    model = TinyUNet(kind)
    print(f"{kind!r:12}", "Σ numel:", f"{sum(p.numel() for p in model.parameters()):,}",
          "y:", tuple(model(test_x[:2]).shape))

# %% [markdown] tags=["lang-ko"]
# 층별 표로 두 단계를 따라가 봅니다. 크기가 32 → 16 → 8 → 16 → 32로 바뀌는 것을 `up` 줄에서 확인하세요.

# %% [markdown] tags=["lang-en"]
# Follow the two levels in the per-layer table: the `up` rows show the size going 32 → 16 → 8 → 16 → 32.

# %%
print(layer_table(TinyUNet("transposed"), test_x[:1], lang=LANG))

# %% [markdown] tags=["lang-ko"]
# ### 같은 예산으로 학습
#
# 두 모델은 같은 시드로 초기화하고, 같은 순서의 미니배치(8장)로, 같은 횟수(200단계)만큼, 같은
# 옵티마이저(Adam, 학습률 0.01에서 코사인으로 0까지)로 학습합니다. 원 픽셀은 전체의 약 8%뿐이어서 손실에서 원 픽셀에 3배
# 가중치(`pos_weight=3`)를 줍니다.

# %% [markdown] tags=["lang-en"]
# ### Training on the same budget
#
# Both models start from the same seed and train on the same sequence of mini-batches (8 images), for the
# same number of steps (200), with the same optimizer (Adam, learning rate 0.01 with a cosine decay to 0).
# Disk pixels are only about 8% of the total, so the loss weighs them three times (`pos_weight=3`).

# %%
STEPS, BATCH = 200, 8


def train(kind):
    torch.manual_seed(0)
    model = TinyUNet(kind)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, STEPS)
    order = torch.Generator().manual_seed(0)
    losses = []
    for _ in tqdm(range(STEPS), desc=kind):
        batch = torch.randint(len(train_x), (BATCH,), generator=order)
        logits = model(train_x[batch])
        loss = F.binary_cross_entropy_with_logits(logits, train_y[batch], pos_weight=torch.tensor(3.0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        schedule.step()
        losses.append(loss.item())
    return model.eval(), losses

# %%
# NBVAL_IGNORE_OUTPUT
# reason: progress bar
results = {kind: train(kind) for kind in ("transposed", "upsample")}

# %% [markdown] tags=["lang-ko"]
# 진행 표시줄 셀은 CI가 비교하지 않으므로, 결과는 아래 셀에서 반올림해 출력합니다(이 셀은 CI가 비교합니다).
# 손실은 마지막 20단계의 평균이고, IoU는 학습에 쓰지 않은 테스트 세트 128장에서 잽니다. 마지막 열은 테스트 세트에
# 대한 출력(로짓)의 체커보드 강도(레슨 04, 테두리 2픽셀 제외)로, 출력의 변동 가운데 2×2 주기 무늬가 차지하는
# 몫의 제곱근입니다.

# %% [markdown] tags=["lang-en"]
# CI does not compare the progress-bar cell, so the results are printed, rounded, in the next cell (which
# CI does compare). The loss is the mean of the last 20 steps; IoU is measured on the 128 test images that
# training never saw. The last column is the checkerboard strength (lesson 04, 2-pixel border dropped) of the
# outputs (logits) on the test set: the square root of the share of their variation that is a 2×2-periodic
# pattern.

# %% tags=["x86-digits"]
# x86-digits: trained models' loss and IoU (training magnifies kernel-dependent rounding)
predictions, strengths = {}, {}
print(message("outputs.up_block", LANG), "|", message("outputs.loss_last_20", LANG), "| IoU |",
      message("outputs.checkerboard", LANG))
with torch.no_grad():
    for kind, (model, losses) in results.items():
        logits = model(test_x)
        predictions[kind] = (logits > 0).float()
        strengths[kind] = checkerboard_strength(logits, border=2)
        print(f"{kind!r:12}", f"{sum(losses[-20:]) / 20:8.3f}", f"{iou(predictions[kind], test_y):8.3f}",
              f"{strengths[kind]:8.3f}", strength_verdict(strengths[kind], LANG))
print(f"{message('outputs.threshold', LANG):12}", " " * 8, f"{iou(test_x > best, test_y):8.3f}")

# %%
shown = {"threshold": (test_x[:4] > best).float()} | {kind: mask[:4] for kind, mask in predictions.items()}
segmentation_samples(test_x[:4], test_y[:4], shown, LANG)

# %% [markdown] tags=["lang-ko"]
# ### 결과 읽기
#
# - 두 U-Net 모두 밝기 문턱값보다 훨씬 높은 IoU를 얻습니다. 문턱값은 사각형과 배경 잡음까지 칠하지만, U-Net은
#   스킵 연결로 받은 세밀한 위치 정보와 깊은 층의 모양 정보를 합쳐 대체로 원만 골라냅니다. 위의 네 예시에서는
#   틀린 곳이 주로 사각형이 원에 붙어 있거나 겹친 자리였습니다.
# - 이번 실행에서는 전치 합성곱 업 블록이 앞섰습니다. 하지만 시드 하나로 얻은 차이이므로 일반적인 우열로 읽으면
#   안 됩니다. 기껏해야 이 작은 예산에서 전치 합성곱 블록이 더 빨리 배웠다는 뜻이고, 더 오래 학습한 뒤의 우열은
#   알 수 없습니다. `train` 함수의 시드를 바꿔 직접 다시 비교해 보세요.
# - 체커보드는 학습한 두 U-Net 모두 "약함"으로 쟀습니다. 전치 합성곱 업 블록 쪽이 조금 크지만, 출력의 변동
#   가운데 2×2 주기 무늬의 에너지는 1%에 못 미칩니다. 업샘플링 뒤에 합성곱이 더 있고 스킵 연결이 세밀한 정보를
#   채우는 이 구조에서는 무늬가 작게 남았습니다. 이것은 이 작은 과제와 예산에서 잰 한 번의 결과입니다. 체커보드가
#   뚜렷한 예는 레슨 07의 생성자에서 봅니다.
# - 파라미터 수는 업샘플링 + 합성곱 쪽이 조금 더 많습니다(3×3 커널 대 2×2 커널).

# %% [markdown] tags=["lang-en"]
# ### Reading the results
#
# - Both U-Nets reach a far higher IoU than the brightness threshold. The threshold paints the squares and
#   background noise too; the U-Net combines fine position information from the skip connections with shape
#   information from the deeper layers and mostly picks out the disks. In the four examples above its mistakes
#   sit mainly where the square touches or overlaps the disk.
# - In this run the transposed-convolution up-block came out ahead. But it is one seed, so do not read it as
#   a general ranking: at most, the transposed block learned faster on this small budget; which block wins
#   after longer training is left open. Change the seeds in the `train` function and compare again yourself.
# - The checkerboard measured "weak" in both trained U-Nets. It is somewhat larger with the transposed-convolution
#   up-block, but the 2×2-periodic pattern holds less than 1% of the energy of the outputs' variation. In this
#   architecture, where more convolutions follow the upsampling and the skip connections supply the fine detail,
#   the pattern stayed small. That is one measurement on this small task and budget; lesson 07's generators show
#   a clear checkerboard.
# - The upsample + convolution block has slightly more parameters (a 3×3 kernel against a 2×2 one).

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 심화: 다른 컴퓨터에서도 같은 숫자가 나올까
#
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다. 스레드 수나 CPU 연산 커널(계산 루틴)이 다르면 합의 순서가
# 바뀌어 마지막 자릿수가 달라지고, 학습은 그 차이를 키웁니다. 그래서 맨 위의 `setup`이 연산 커널(x86-64에서는
# AVX2)과 스레드 수(하나)를 고정하고 결정적 알고리즘만 쓰게 합니다. 레슨 09의 1절이 자세히 설명합니다. 이
# 크기에서는 한 스레드로도 충분히 빠릅니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### Deep dive: will another computer print the same numbers?
#
# You can skip it; nothing later depends on it. Another thread count or other CPU compute kernels change the order
# of sums and so the last digits, and training amplifies such differences. So `setup` at the top pins the kernels
# (AVX2 on x86-64) and the thread count (one) and allows deterministic algorithms only; section 1 of lesson 09
# explains it in detail. At this size one thread is fast enough.

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - U-Net 디코더 블록 = 전치 합성곱(k2, s2, 채널 절반) → 스킵과 이어 붙이기 → `합성곱-배치 정규화-ReLU` 두 번.
#   (512, 256, 256) 블록은 파라미터 2,295,552개이고, 그중 업샘플링 층이 약 23%입니다.
# - 배치 정규화 앞 합성곱의 편향은 효과가 없으니 `bias=False`로 둡니다.
# - 풀링이 홀수 크기의 나머지를 버리면 디코더가 한 픽셀 작아집니다. `output_size=skip.shape[-2:]`가 줄을 맞추며
#   크기를 되돌리고, 앞쪽 패딩은 오류 없이 줄을 어긋나게 합니다. 가장 간단한 예방은 입력을 $2^{\text{단계 수}}$의
#   배수로 맞추는 것입니다.
# - 작은 U-Net은 CPU에서 200단계 만에 모양으로 원을 찾아냅니다. 이 예산과 시드 하나에서는 전치 합성곱 업 블록이
#   업샘플링 + 합성곱 업 블록보다 조금 빨리 배웠습니다.
#
# **참고 문헌**
#
# - O. Ronneberger, P. Fischer, T. Brox, *U-Net: Convolutional Networks for Biomedical Image Segmentation*,
#   MICCAI 2015, [arXiv:1505.04597](https://arxiv.org/abs/1505.04597).
# - A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill 2016,
#   [distill.pub/2016/deconv-checkerboard](https://distill.pub/2016/deconv-checkerboard/).
# - milesial, *Pytorch-UNet*, [github.com/milesial/Pytorch-UNet](https://github.com/milesial/Pytorch-UNet)
#   (패딩 방식의 출처).

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - A U-Net decoder block = transposed convolution (k2, s2, half the channels) → concatenate the skip →
#   `conv-BN-ReLU` twice. The (512, 256, 256) block has 2,295,552 parameters, about 23% of them in the
#   upsampling layer.
# - A convolution's bias right before batch normalization has no effect: use `bias=False`.
# - When pooling drops the remainder of an odd size, the decoder comes back one pixel short.
#   `output_size=skip.shape[-2:]` restores the size with the rows aligned; padding at the start misaligns
#   them without any error. The simplest prevention is an input size that is a multiple of
#   $2^{\text{levels}}$.
# - A small U-Net learns to find disks by their shape in 200 steps on a CPU. On this budget and one seed the
#   transposed-convolution up-block learned somewhat faster than the upsample + convolution one.
#
# **References**
#
# - O. Ronneberger, P. Fischer, T. Brox, *U-Net: Convolutional Networks for Biomedical Image Segmentation*,
#   MICCAI 2015, [arXiv:1505.04597](https://arxiv.org/abs/1505.04597).
# - A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill 2016,
#   [distill.pub/2016/deconv-checkerboard](https://distill.pub/2016/deconv-checkerboard/).
# - milesial, *Pytorch-UNet*, [github.com/milesial/Pytorch-UNet](https://github.com/milesial/Pytorch-UNet)
#   (the source of the padding recipe).

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. `UNetDecoderBlock(128, 64, 64)`에 `(1, 128, 20, 20)`과 스킵 `(1, 64, 40, 40)`을 넣으면 이어 붙인 뒤의 채널 수와 출력 모양은 무엇이고, 업샘플링 층의 파라미터는 몇 개인가요? (→ 1절)
# 2. 스킵이 77×77이면 풀링과 업샘플링을 거친 디코더 쪽의 한 변은 얼마가 되나요? `output_size=`와 앞쪽 패딩 가운데 줄이 맞는 쪽은 어느 것인가요? (→ 2절)
# 3. 시드 하나로 학습한 비교에서 전치 합성곱 업 블록의 IoU가 더 높았습니다. 이 결과로 말할 수 있는 것과 말할 수 없는 것은 무엇인가요? (→ 3절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. `UNetDecoderBlock(128, 64, 64)` receives `(1, 128, 20, 20)` and the skip `(1, 64, 40, 40)`. How many channels are there after the concatenation, what is the output shape, and how many parameters has the upsampling layer? (→ section 1)
# 2. With a 77×77 skip, at what size does the decoder side come back through pooling and upsampling? Which keeps the rows aligned, `output_size=` or padding at the start? (→ section 2)
# 3. In the one-seed comparison the transposed-convolution up-block reached the higher IoU. What can and what cannot be concluded from that? (→ section 3)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 코드로 확인하기 전에 먼저 답을 예측해 보세요.
#
# **1.** 원문 블록 `UNetDecoderBlock(512, 256, 256)`의 업샘플링 층이 채널을 절반으로 줄이지 않고 512채널을 그대로
# 낸다고 합시다(`ConvTranspose2d(512, 512, 2, stride=2)`). 그만큼 이어 붙인 채널도 늘어나므로 첫 합성곱의
# 입력 채널도 늘어납니다. 블록의 파라미터는 몇 개 늘어날까요? 1절의 공식으로 먼저 예측한 뒤 코드로 확인하세요.

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. Predict the answer before you check it
# in code.
#
# **1.** Suppose the upsampling layer of the document's block `UNetDecoderBlock(512, 256, 256)` kept all 512
# channels instead of halving them (`ConvTranspose2d(512, 512, 2, stride=2)`), so that the first convolution must
# take in correspondingly more concatenated channels. By how many parameters does the block grow? Predict with
# section 1's formulas, then check in code.

# %%
answer = ...
check("06.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
with torch.device("meta"):
    halving = UNetDecoderBlock(512, 256, 256)
    keeping = UNetDecoderBlock(512, 256, 256)
    keeping.up = nn.ConvTranspose2d(512, 512, 2, stride=2)
    keeping.conv[0] = nn.Conv2d(512 + 256, 256, 3, padding=1)
solution = sum(p.numel() for p in keeping.parameters()) - sum(p.numel() for p in halving.parameters())
verify("06.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** 스킵의 한 변이 101이 아니라 75일 때 2절의 위험한 실수, 곧 업샘플링 결과의 **앞쪽**(위·왼쪽)에 한 줄을
# 덧붙이는 패딩(`F.pad [1, 0, 1, 0]`)을 하면, 75줄 가운데 몇 줄이 맞을까요? 101줄에서 50줄이 맞은 까닭을 떠올려
# 예측한 뒤, 2절의 줄 맞춤 세기로 확인하세요.

# %% [markdown] tags=["lang-en"]
# **2.** Make section 2's dangerous mistake, padding one row at the **start** (top and left) of the upsampled map
# (`F.pad [1, 0, 1, 0]`), with a skip of side 75 instead of 101. How many of the 75 rows are aligned? Recall why
# 50 of the 101 rows were, predict, then check by counting as in section 2.

# %%
answer = ...
check("06.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
rows_75 = torch.arange(75.0).view(1, 1, 75, 1).expand(1, 1, 75, 75)
with torch.no_grad():
    shifted = F.pad(copy_up(F.max_pool2d(rows_75, 2)), [1, 0, 1, 0], value=-1)
source, target = shifted[0, 0, :, 37], rows_75[0, 0, :, 37]
solution = int((torch.div(source, 2, rounding_mode="floor") == torch.div(target, 2, rounding_mode="floor")).sum())
verify("06.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3.** 500×500 이미지를 풀링이 네 번 있는 U-Net(네 단계)에 넣습니다. 2절의 결론대로 입력의 끝쪽에 패딩해 어느
# 단계에서도 크기 맞춤이 필요 없게 하려면, 한 변에 적어도 몇 줄을 덧붙여야 할까요? 먼저 예측한 뒤, 네 번의 풀링과
# 되돌리기를 코드로 따라가 확인하세요.

# %% [markdown] tags=["lang-en"]
# **3.** A 500×500 image goes into a U-Net with four poolings (four levels). Following section 2's verdict, you
# pad the end of the input so that no level needs a size fix. How many rows, at the least, must you add? Predict
# first, then check by following the four poolings and upsamplings in code.

# %%
answer = ...
check("06.3", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def needs_no_fix(side, levels=4):
    up_2x = nn.ConvTranspose2d(1, 1, 2, stride=2)
    x = torch.zeros(1, 1, side, side)
    for _ in range(levels):
        pooled = F.max_pool2d(x, 2)
        if up_2x(pooled).shape[-1] != x.shape[-1]:
            return False
        x = pooled
    return True


solution = next(side for side in range(500, 1000) if needs_no_fix(side)) - 500
verify("06.3", solution)

# %% [markdown] tags=["lang-ko"]
# **4. (코딩)** 홀수 크기에도 깨지지 않는 디코더 단계를 써 봅시다. `decoder_step(up, x, skip)`은 업샘플링 층 `up`
# (`ConvTranspose2d`, 커널 2, 스트라이드 2, 편향 없음)으로 `x`를 키워 `skip`과 같은 세로·가로 크기로 맞추고,
# `[업샘플링 결과, skip]` 순서로 채널 축에 이어 붙인 텐서를 돌려줍니다. 행과 열은 왼쪽 위부터 맞아야 합니다.
# 채점기는 `skip`의 한 변이 짝수인 경우와 홀수인 경우를 모두 넣어 봅니다.
#
# 막히면 `hint("06.4", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **4. (coding)** Write a decoder step that survives odd sizes. `decoder_step(up, x, skip)` enlarges `x` with the
# upsampling layer `up` (a `ConvTranspose2d` with kernel 2, stride 2 and no bias) to the height and width of
# `skip`, and returns the channel concatenation `[upsampled, skip]`. Rows and columns must line up from the top
# left. The checker tries skips with even and with odd sides.
#
# Stuck? Run `hint("06.4", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def decoder_step(up, x, skip):
    ...


check_code("06.4", decoder_step, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(up, x, skip):
    return torch.cat([up(x, output_size=skip.shape[-2:]), skip], dim=1)


verify_code("06.4", solution)

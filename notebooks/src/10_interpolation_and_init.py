# %% [markdown] tags=["lang-ko"]
# # 10. 보간, 초기화, 주파수로 다시 보기
#
# 레슨 04와 05는 전치 합성곱, 업샘플링 + 합성곱, 픽셀 셔플이 한 가족임을 보였습니다. 이 레슨은 그 그림을
# 네 방향으로 마무리합니다.
#
# 1. 쌍선형 보간과 최근접 이웃 보간은 커널이 **고정된** 전치 합성곱입니다. 가장자리에서만 다른데, 그 까닭도 봅니다.
# 2. PyTorch의 `ConvTranspose2d` 기본 **초기화**는 출력의 크기를 채널 방향에 따라 크게 바꿉니다. 처음부터
#    체커보드가 없는 초기화도 만들어 봅니다.
# 3. **주파수**로 보면 0 삽입은 스펙트럼 이미지를 만들고, 보간 필터는 그것을 걸러 내는 저역 통과 필터이며,
#    체커보드는 나이퀴스트 주파수의 에너지입니다.
# 4. 학습한 뒤에도 체커보드가 남는지 작은 오토인코더로 재 봅니다.

# %% [markdown] tags=["lang-en"]
# # 10. Interpolation, initialization and the frequency view
#
# Lessons 04 and 05 showed that the transposed convolution, upsample + convolution and the pixel shuffle are one
# family. This lesson completes the picture in four directions.
#
# 1. Bilinear and nearest-neighbour interpolation are transposed convolutions with a **fixed** kernel. They
#    differ only at the border, and we see why.
# 2. PyTorch's default **initialization** of `ConvTranspose2d` scales the output very differently depending on
#    the channel direction. We also build initializations that start without a checkerboard.
# 3. In the **frequency** view, zero insertion creates spectral images, interpolation filters are low-pass
#    filters that remove them, and a checkerboard is energy at the Nyquist frequency.
# 4. We measure whether the checkerboard survives training, in a small autoencoder.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** 쌍선형 보간과 최근접 이웃 보간을 고정된 커널의 전치 합성곱으로 쓰고, `ConvTranspose2d`의 기본 초기화가 출력을 키우는지 줄이는지 C_in/C_out으로 예측하며, 체커보드 없이 출발하는 초기화를 고르고, 0 삽입의 스펙트럼 이미지와 체커보드를 주파수로 설명할 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** write bilinear and nearest-neighbour interpolation as transposed convolutions with a fixed kernel, predict from C_in/C_out whether `ConvTranspose2d`'s default initialization grows or shrinks the output, choose an initialization that starts without a checkerboard, and explain zero insertion's spectral images and the checkerboard in terms of frequency.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 1절의 등식은 FCN과 d2l이 전치 합성곱을 쌍선형 커널로 초기화하는 이유입니다. 2절의 표준편차는
# 외우게 하지 말고 "fan-in을 어느 채널에서 세는가"만 짚으세요. 4절은 결과를 과장하지 마세요. 무늬는 학습으로
# 크게 줄지만, 이 설정에서는 업샘플링 + 합성곱보다 뚜렷하게 남습니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** The identity of section 1 is why FCN and d2l initialize transposed convolutions with a
# bilinear kernel. Do not make learners memorize the standard deviations of section 2; the point is which channel
# count the fan-in comes from. Do not oversell section 4: training shrinks the pattern a lot, but in this setting it
# stays clearly above upsample + convolution.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import torch
from torch import nn
from torch.nn import functional as F

from course_utils.claims import claim, close
from course_utils.diagrams import response_gallery
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.i18n import message
from course_utils.metrics import checkerboard_strength, strength_verdict
from course_utils.notebook import setup
from course_utils.photos import downscale2, luminance, patches

torch.set_grad_enabled(False)
setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 보간은 고정된 전치 합성곱이다
#
# 쌍선형 보간 ×2(`align_corners=False`)에서 출력 픽셀은 가까운 입력 두 개를 ¼과 ¾의 가중치로 섞습니다. 입력
# 하나의 입장에서 보면, 그 값이 한 축의 출력 네 칸에 ¼, ¾, ¾, ¼씩 흩뿌려집니다. 이것이 바로 커널
# [¼, ¾, ¾, ¼], 스트라이드 2인 전치 합성곱이고, 2-D 커널은 두 축의 곱 $k \otimes k$입니다. 6×6 입력으로
# 확인해 봅시다(float64).

# %% [markdown] tags=["lang-en"]
# ## 1. Interpolation is a fixed transposed convolution
#
# In bilinear ×2 interpolation (`align_corners=False`) an output pixel mixes its two nearest inputs with weights
# ¼ and ¾. Seen from one input, its value is scattered onto four outputs along an axis with weights ¼, ¾, ¾, ¼.
# That is a transposed convolution with kernel [¼, ¾, ¾, ¼] and stride 2; the 2-D kernel is the product of the
# two axes, $k \otimes k$. Let us check on a 6×6 input (float64).

# %%
taps = torch.tensor([0.25, 0.75, 0.75, 0.25], dtype=torch.float64)
bilinear_weight = torch.outer(taps, taps)[None, None]  # (C_in, C_out, 4, 4) = (1, 1, 4, 4)

x = torch.rand(1, 1, 6, 6, dtype=torch.float64)
resized = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
transposed = F.conv_transpose2d(x, bilinear_weight, stride=2, padding=1)
print("interpolate:", tuple(resized.shape), " conv_transpose2d:", tuple(transposed.shape))
claim("`resized[..., 1:-1, 1:-1] == transposed[..., 1:-1, 1:-1]`", close(resized[..., 1:-1, 1:-1], transposed[..., 1:-1, 1:-1]))
print((resized - transposed).abs().round(decimals=9).ne(0)[0, 0].int())  # 1 where they differ

# %% [markdown] tags=["lang-ko"]
# 다른 곳은 테두리 한 줄뿐입니다. 까닭은 가장자리 바깥을 채우는 방식에 있습니다. 전치 합성곱은 입력 바깥을
# 0으로 보므로 테두리 출력은 ¾만 받고 ¼이 빠집니다. `F.interpolate`는 원본 좌표를 입력 범위 안으로
# 잘라 맞추므로(clamp) 바깥의 입력 대신 가장자리 값을 다시 씁니다. 곧 가장자리 값을 한 칸 복제한
# 패딩(`replicate`)과 같습니다. 입력을 복제 패딩한 뒤 전치 합성곱을 하고 늘어난 두 칸씩을 잘라 내면 모든
# 픽셀이 같아집니다.

# %% [markdown] tags=["lang-en"]
# Only the outermost ring differs. The reason is how each fills the outside of the input. The transposed
# convolution treats it as zeros, so a border output receives ¾ and misses ¼. `F.interpolate` clamps source
# coordinates into the input, so it reuses the edge value in place of the missing input: the same as padding the
# input by copying its edge (`replicate`). Pad the input that way, run the transposed convolution, cut the two
# extra pixels on each side, and every pixel agrees.

# %%
padded = F.pad(x, (1, 1, 1, 1), mode="replicate")
claim("`resized == conv_transpose2d(F.pad(x, mode='replicate'), ...)[..., 2:-2, 2:-2]`",
      close(resized, F.conv_transpose2d(padded, bilinear_weight, stride=2, padding=1)[..., 2:-2, 2:-2]))

# %% [markdown] tags=["lang-ko"]
# 최근접 이웃 보간 ×2는 더 간단합니다. 입력 하나를 2×2 블록에 그대로 복사하므로 모두 1인 2×2 커널, 스트라이드
# 2인 전치 합성곱이고, 커널끼리 겹치지 않아 테두리까지 같습니다. 채널이 여럿이면 채널마다 따로 보간해야
# 하므로 `groups=C`인 **깊이별** 전치 합성곱이 됩니다. 쌍선형 보간을 이렇게 채널마다 하면 가중치 모양은
# `(C, 1, 4, 4)`입니다.

# %% [markdown] tags=["lang-en"]
# Nearest-neighbour ×2 is simpler: it copies each input into a 2×2 block, a transposed convolution with an
# all-ones 2×2 kernel and stride 2; the copies do not overlap, so it agrees up to the border. With several
# channels each channel is interpolated on its own: a **depthwise** transposed convolution with `groups=C`; for
# bilinear, per channel, its weight has shape `(C, 1, 4, 4)`.

# %%
nearest = F.interpolate(x, scale_factor=2, mode="nearest")
claim("`nearest == conv_transpose2d(x, torch.ones(1, 1, 2, 2), stride=2)`", close(nearest, F.conv_transpose2d(x, torch.ones(1, 1, 2, 2).double(), stride=2)))

C = 3
xc = torch.rand(1, C, 6, 6, dtype=torch.float64)
depthwise = F.conv_transpose2d(xc, bilinear_weight.repeat(C, 1, 1, 1), stride=2, padding=1, groups=C)
per_channel = F.interpolate(xc, scale_factor=2, mode="bilinear", align_corners=False)
print("weight:", tuple(bilinear_weight.repeat(C, 1, 1, 1).shape))
claim("`per_channel[..., 1:-1, 1:-1] == depthwise[..., 1:-1, 1:-1]`", close(per_channel[..., 1:-1, 1:-1], depthwise[..., 1:-1, 1:-1]))

# %% [markdown] tags=["lang-ko"]
# 그래서 FCN(Long 외 2015)과 d2l 교재(Zhang 외 2023)는 전치 합성곱 층을 쌍선형 커널로 **초기화**합니다. 학습을 쌍선형 보간에서
# 출발시키는 것입니다.
#
# ### 경사면에서 본 차이
#
# 값이 0, 1, 2, …로 고르게 오르는 경사면(ramp)을 키운 뒤 3-탭 평균 합성곱을 걸어 봅시다. 최근접 이웃 보간은
# 계단(0, 0, 1, 1, …)을 만들고, 평균을 내도 이웃한 출력의 차이가 ⅓, ⅔로 번갈아 나오는 주기 2 무늬가 남습니다.
# 쌍선형 보간은 경사면을 경사면으로 키우므로(차이 ½) 어떤 합성곱을 걸어도 차이가 일정합니다.

# %% [markdown] tags=["lang-en"]
# This is why FCN (Long et al. 2015) and the d2l textbook (Zhang et al. 2023) **initialize** transposed convolutions with the bilinear kernel:
# training then starts from bilinear interpolation.
#
# ### The difference on a ramp
#
# Upsample a ramp 0, 1, 2, … and apply a 3-tap average. Nearest-neighbour makes a staircase (0, 0, 1, 1, …), and
# after averaging the steps between neighbouring outputs still alternate ⅓, ⅔: a period-2 pattern. Bilinear grows
# a ramp into a ramp (steps of ½), so the steps stay constant whatever convolution follows.

# %%
ramp = torch.arange(10, dtype=torch.float64)[None, None]
box = torch.full((1, 1, 3), 1 / 3, dtype=torch.float64)
for mode in ("nearest", "linear"):
    steps = F.conv1d(F.interpolate(ramp, scale_factor=2, mode=mode), box).diff()[0, 0, 2:-2]
    print(f"{mode:<8} steps:", [round(v, 4) for v in steps.tolist()[:6]], " distinct:", len(steps.round(decimals=9).unique()))

# %% [markdown] tags=["lang-ko"]
# 최근접 이웃 보간 뒤의 합성곱이 이 무늬를 없애려면 탭이 [a, b, c]일 때 b = a + c여야 합니다(대칭인 [a, b, a]라면
# b = 2a). 그런 커널의 한 예인 최근접 이웃 보간 + [¼, ½, ¼]은 선형 보간 그 자체입니다. 학습이 이 조건을 맞춘
# 커널을 찾아내야만 계단이 사라집니다.

# %% [markdown] tags=["lang-en"]
# For the convolution after nearest-neighbour to remove this pattern, taps [a, b, c] need b = a + c (b = 2a for
# symmetric [a, b, a]). One such kernel, nearest-neighbour + [¼, ½, ¼], is linear interpolation itself. The
# staircase goes away only if training finds a kernel that meets this condition.

# %%
smooth = torch.tensor([[[0.25, 0.5, 0.25]]], dtype=torch.float64)
via_nearest = F.conv1d(F.interpolate(ramp, scale_factor=2, mode="nearest"), smooth)
claim("nearest + [1/4, 1/2, 1/4] == linear", close(via_nearest, F.interpolate(ramp, scale_factor=2, mode="linear")[..., 1:-1]))

# %% [markdown] tags=["lang-ko"]
# ## 2. 기본 초기화는 채널 방향에 따라 크기가 다르다
#
# PyTorch는 합성곱 가중치를 `kaiming_uniform_(a=√5)`로 초기화하고, 그 범위를 가중치의 **fan-in**(출력 하나에
# 더해지는 입력의 수)에서 정합니다. fan-in은 `weight.size(1) · K²`로 계산합니다. `Conv2d`의 가중치는
# `(C_out, C_in, K, K)`라 `size(1)`이 C_in이지만, `ConvTranspose2d`의 가중치는 `(C_in, C_out/groups, K, K)`라서
# C_out/groups가 됩니다. 그런데 전치 합성곱의 출력 하나에 실제로 더해지는 항은 C_in · (K/S)²개입니다. 그래서
# 출력의 표준편차가 대략 $\sqrt{C_\text{in}(K/S)^2 / (3\,C_\text{out}K^2)}$가 되어 C_in/C_out에 따라 달라집니다.
# 평균 0, 분산 1인 입력으로 재 봅시다(float64, 테두리 제외).

# %% [markdown] tags=["lang-en"]
# ## 2. The default initialization scales with the channel direction
#
# PyTorch initializes convolution weights with `kaiming_uniform_(a=√5)`, whose range comes from the weight's
# **fan-in** (how many inputs are added into one output), computed as `weight.size(1) · K²`. A `Conv2d` weight is
# `(C_out, C_in, K, K)`, so `size(1)` is C_in; a `ConvTranspose2d` weight is `(C_in, C_out/groups, K, K)`, so it is
# C_out/groups. Yet one output of a transposed convolution really sums C_in · (K/S)² terms. The output standard
# deviation is then about $\sqrt{C_\text{in}(K/S)^2 / (3\,C_\text{out}K^2)}$ and depends on C_in/C_out. Measure it
# with a zero-mean, unit-variance input (float64, border excluded).

# %%
for c_in, c_out in [(256, 8), (8, 256)]:
    torch.manual_seed(0)
    layer = nn.ConvTranspose2d(c_in, c_out, 4, stride=2, padding=1, dtype=torch.float64)
    fan_in = nn.init._calculate_fan_in_and_fan_out(layer.weight)[0]
    y = layer(torch.randn(4, c_in, 16, 16, dtype=torch.float64))
    predicted = (c_in * 4 / (3 * c_out * 16)) ** 0.5
    print(f"{c_in:>3} -> {c_out:<3} weight.shape {tuple(layer.weight.shape)}  fan_in {fan_in:>4}  "
          f"σ(y) {y[..., 1:-1, 1:-1].std().item():.2f}  √(C_in·(K/S)²/(3·C_out·K²)) {predicted:.2f}")

# %% [markdown] tags=["lang-ko"]
# 채널이 줄어드는 층(256→8)은 출력을 키우고, 늘어나는 층(8→256)은 거의 0으로 줄입니다. 층을 쌓으면 이 배율이
# 곱해집니다. 다만 채널이 준다고 늘 커지지는 않습니다. `kaiming_uniform_(a=√5)`의 범위는 ±1/√fan_in이고 이 균등
# 분포의 분산은 1/(3·fan_in)이므로, K=4, S=2에서 한 층의 배율은 √(C_in/(12·C_out))입니다. C_in/C_out이 12보다
# 커야 출력이 커지고, 채널을 절반씩 줄이는 층(비 2)은 층마다 약 0.41배로 줄입니다. 디코더처럼 채널이 절반씩 줄어드는 네 층과, 그 반대 방향 네 층의 출력 표준편차를 층마다 봅시다.
# 출력 하나에 실제로 더해지는 항의 수 C_in·(K/S)²로 fan-in을 잡아 초기화하면(`kaiming_normal_`의 선형 이득)
# 두 방향 모두 1 근처에 머뭅니다.

# %% [markdown] tags=["lang-en"]
# A layer that reduces channels (256→8) grows the output; one that widens (8→256) shrinks it almost to 0. Stacked
# layers multiply these factors. Fewer channels do not always mean growth, though: the bound of
# `kaiming_uniform_(a=√5)` is ±1/√fan_in, a uniform distribution with variance 1/(3·fan_in), so for K=4, S=2 one
# layer's factor is √(C_in/(12·C_out)). The output grows only when C_in/C_out exceeds 12; a layer that halves the
# channels (ratio 2) shrinks it by about 0.41. Here is the output standard deviation after each of four layers that halve the
# channels, like a decoder, and four that double them. Initializing with the real number of summed terms,
# C_in·(K/S)², as the fan-in (the linear gain of `kaiming_normal_`) keeps both near 1.

# %%
def stack_stds(widths, true_fan_in=False):
    torch.manual_seed(0)
    x = torch.randn(2, widths[0], 8, 8, dtype=torch.float64)
    stds = []
    for c_in, c_out in zip(widths, widths[1:]):
        layer = nn.ConvTranspose2d(c_in, c_out, 4, stride=2, padding=1, bias=not true_fan_in, dtype=torch.float64)
        if true_fan_in:
            nn.init.normal_(layer.weight, std=(c_in * (4 // 2) ** 2) ** -0.5)
        x = layer(x)
        stds.append(round(x[..., 2:-2, 2:-2].std().item(), 2))
    return stds


for widths in ([256, 128, 64, 32, 16], [16, 32, 64, 128, 256]):
    print(f"{widths}  σ[init=default] {stack_stds(widths)}  σ[std=1/√(C_in·(K/S)²)] {stack_stds(widths, True)}")

# %% [markdown] tags=["lang-ko"]
# ### 체커보드 없이 출발하는 초기화
#
# 레슨 04에서 보았듯이, 상수 입력에 대한 네 위상의 평균은 위상별 가중치 합입니다. 그러니 네 위상의 합이 같게
# 초기화하면 처음에는 무늬가 없습니다. 세 가지 방법을 K=4, S=2, P=1, 32채널 층에서 비교합니다.
#
# - **위상 합 맞추기**: 기본 초기화한 뒤 각 위상의 탭에서 (위상 합 − 네 위상의 평균 합)/4를 뺍니다.
# - **ICNR의 생각을 전치 합성곱에**: 3×3 커널을 모두 1인 2×2 커널과 합성곱해 4×4 커널을 만듭니다. 그러면 이 층은
#   최근접 이웃 보간 + 3×3 합성곱과 같고, 네 위상의 합이 모두 3×3 커널의 합과 같습니다.
# - **쌍선형 초기화**: 채널마다 자기 자신에게만 [¼, ¾, ¾, ¼]⊗[¼, ¾, ¾, ¼]를 둡니다. 위상마다 탭 합이 1입니다.

# %% [markdown] tags=["lang-en"]
# ### Initializations that start without a checkerboard
#
# As lesson 04 showed, the four phase means of the response to a constant input are the per-phase weight sums.
# Initialize so that the four sums are equal and there is no pattern at the start. Three ways, on a K=4, S=2, P=1
# layer with 32 channels:
#
# - **Equal phase sums**: after the default initialization, subtract (phase sum − average of the four sums)/4 from
#   each phase's taps.
# - **ICNR's idea for the transposed convolution**: convolve a 3×3 kernel with an all-ones 2×2 kernel into a 4×4
#   kernel. The layer is then nearest-neighbour + 3×3 convolution, and every phase sums to the 3×3 kernel's sum.
# - **Bilinear initialization**: each channel maps only to itself, with [¼, ¾, ¾, ¼]⊗[¼, ¾, ¾, ¼]. Every phase's
#   taps sum to 1.

# %%
C = 32
PHASES = [(a, b) for a in range(2) for b in range(2)]


def convt():
    return nn.ConvTranspose2d(C, C, 4, stride=2, padding=1, dtype=torch.float64)


def equal_phase_sums_(layer):
    w = layer.weight
    sums = torch.stack([w[..., a::2, b::2].sum((-2, -1)) for a, b in PHASES])
    for (a, b), phase_sum in zip(PHASES, sums):
        w[..., a::2, b::2] -= ((phase_sum - sums.mean(0)) / 4)[..., None, None]
    return layer


def icnr_transposed_(layer, small):
    """small: (C_in, C_out, 3, 3); the 4×4 kernel is small convolved with a 2×2 box (nearest ×2, then 3×3)."""
    box = torch.ones(1, 1, 2, 2, dtype=small.dtype)
    layer.weight.copy_(F.conv_transpose2d(small.reshape(-1, 1, 3, 3), box).reshape(C, C, 4, 4))
    return layer


def bilinear_(layer):
    layer.weight.zero_()
    layer.weight[range(C), range(C)] = bilinear_weight[0, 0]
    return layer


torch.manual_seed(0)
small = nn.init.kaiming_uniform_(torch.empty(C, C, 3, 3, dtype=torch.float64), a=5**0.5)
NAMES = {"default": "lesson10.init_default", "equal phase sums": "lesson10.init_equal_phase_sums",
         "ICNR-style": "lesson10.init_icnr", "bilinear": "lesson10.init_bilinear"}
inits = {"default": convt(), "equal phase sums": equal_phase_sums_(convt()),
         "ICNR-style": icnr_transposed_(convt(), small), "bilinear": bilinear_(convt())}
flat = torch.ones(1, C, 12, 12, dtype=torch.float64)
for name, layer in inits.items():
    strength = checkerboard_strength(layer(flat))
    print(f"{message(NAMES[name], LANG)}: {message('lesson10.strength', LANG)} {strength:.3f}  {strength_verdict(strength, LANG)}")

# %% [markdown] tags=["lang-ko"]
# ICNR식 층이 정말 최근접 이웃 보간 + 3×3 합성곱인지도 확인합니다. 합성곱 가중치는 전치 합성곱 가중치의 입력과
# 출력 축을 바꾸고 공간 축을 뒤집은 것입니다(레슨 02).

# %% [markdown] tags=["lang-en"]
# Check that the ICNR-style layer really is nearest-neighbour + 3×3 convolution. The convolution's weight is the
# transposed convolution's weight with input and output axes swapped and the spatial axes flipped (lesson 02).

# %%
conv = nn.Conv2d(C, C, 3, padding=1, dtype=torch.float64)
conv.weight.copy_(small.transpose(0, 1).flip(-2, -1))
conv.bias.copy_(inits["ICNR-style"].bias)
xs = torch.rand(1, C, 8, 8, dtype=torch.float64)
via_resize = conv(F.interpolate(xs, scale_factor=2, mode="nearest"))
claim("`inits['ICNR-style'](xs)[..., 2:-2, 2:-2] == via_resize[..., 2:-2, 2:-2]`", close(inits["ICNR-style"](xs)[..., 2:-2, 2:-2], via_resize[..., 2:-2, 2:-2]))

# %% [markdown] tags=["lang-ko"]
# 세 방법 모두 출발점일 뿐입니다. 업샘플링 + 합성곱과 달리 학습 중에 위상 합을 같게 묶어 두는 것은 없습니다.
# 4절에서 학습 뒤를 봅니다.
#
# ## 3. 주파수로 보기
#
# 길이 $N$ 신호 $x$의 이산 푸리에 변환(DFT)을 $X[k]$라 합시다. 값 사이에 0을 끼워 길이 $2N$으로 만든 $u$의 DFT는
# $U[k] = X[k \bmod N]$, 곧 $X$를 **두 번 이어 붙인 것**입니다. 원래 주파수 $k$의 성분 옆에 $N - k$에도 같은
# 크기의 성분이 생깁니다. 이것이 **스펙트럼 이미지**입니다. (주파수 $N$은 길이 $2N$ 신호의 **나이퀴스트
# 주파수**, 곧 2픽셀마다 되풀이되는 가장 빠른 진동입니다.)

# %% [markdown] tags=["lang-en"]
# All three are only starting points. Unlike upsample + convolution, nothing keeps the phase sums equal during
# training. Section 4 looks at what happens after training.
#
# ## 3. The frequency view
#
# Let $X[k]$ be the discrete Fourier transform (DFT) of a signal $x$ of length $N$. Insert a zero between values to
# get $u$ of length $2N$; its DFT is $U[k] = X[k \bmod N]$, that is $X$ **repeated twice**. Next to the component at
# frequency $k$ a component of the same size appears at $N - k$: a **spectral image**. (Frequency $N$ is the
# **Nyquist frequency** of the length-$2N$ signal, the fastest oscillation, repeating every two pixels.)

# %%
N, k0 = 32, 3
n = torch.arange(N, dtype=torch.float64)
signal = torch.cos(2 * torch.pi * k0 * n / N)
zeros_between = torch.zeros(2 * N, dtype=torch.float64)
zeros_between[::2] = signal
claim("`fft(zeros_between) == fft(signal).repeat(2)`",
      close(torch.view_as_real(torch.fft.fft(zeros_between)), torch.view_as_real(torch.fft.fft(signal).repeat(2))))


def peaks(u, count=2):
    """The `count` largest non-negative frequencies of u's spectrum (rfft bins) and their relative size."""
    spectrum = torch.fft.rfft(u).abs()
    top = spectrum.argsort(descending=True)[:count].sort().values
    return [(int(k), round((spectrum[k] / spectrum.max()).item(), 3)) for k in top]


print("peaks(zeros_between):", peaks(zeros_between))

# %% [markdown] tags=["lang-ko"]
# 주파수 3의 코사인이 길이 64에서 3과 29(= 32 − 3)에 같은 크기로 나타납니다. 보간은 0 삽입 뒤에 필터를 거는
# 것입니다. 최근접 이웃 보간은 [1, 1], 선형 보간은 [½, 1, ½]입니다(1절의 [¼, ¾, ¾, ¼]과 다른 것은
# 격자 때문입니다. 1절은 출력 픽셀 중심이 입력 사이 ¼, ¾ 지점에 놓이는 반 픽셀 격자(`align_corners=False`)이고,
# 여기서는 짝수 번째 출력이 입력과 같은 자리에 놓이는 정수 격자입니다). 필터를 걸면 주파수 $k$의 성분에 필터의
# 주파수 응답 $|H(k)|$가 곱해집니다. 두 필터 모두 나이퀴스트 주파수에서 0이고 낮은 주파수는 통과시키는
# **저역 통과 필터**이므로, 이미지를 줄입니다(이미지 제거 필터). 선형 보간이 훨씬 많이 줄입니다. 끝을 이어 붙여
# 계산해(원형 합성곱) 경계의 영향 없이 봅니다.

# %% [markdown] tags=["lang-en"]
# A cosine of frequency 3 appears at 3 and at 29 (= 32 − 3) with the same size. Interpolation is zero insertion
# followed by a filter: [1, 1] for nearest-neighbour, [½, 1, ½] for linear (not
# section 1's [¼, ¾, ¾, ¼] because the grid differs: section 1 uses the half-pixel grid of `align_corners=False`,
# where output centres sit ¼ and ¾ of the way between inputs; here every even output sits on an input). Filtering multiplies the component at
# frequency $k$ by the filter's frequency response $|H(k)|$. Both filters are 0 at the Nyquist frequency and pass
# low frequencies: they are **low-pass filters** and shrink the image (anti-imaging filters); linear shrinks it
# much more. We compute with wrapped ends (circular convolution) so that no border interferes.

# %%
def circular_filter(u, taps):
    """Filter u with taps centred on the middle tap, wrapping around the ends."""
    half = len(taps) // 2
    return sum(t * torch.roll(u, shift - half) for shift, t in enumerate(taps))


def response(taps, k, length):
    """|H(k)| of the filter at frequency k of a length-`length` signal."""
    m = torch.arange(len(taps), dtype=torch.float64)
    return abs(sum(t * torch.exp(-2j * torch.pi * k * m[i] / length) for i, t in enumerate(taps)).item())


for name, taps_1d in [("nearest [1, 1]", [1.0, 1.0]), ("linear [1/2, 1, 1/2]", [0.5, 1.0, 0.5])]:
    found = peaks(circular_filter(zeros_between, taps_1d))
    predicted = response(taps_1d, N - k0, 2 * N) / response(taps_1d, k0, 2 * N)
    print(f"{name:<21} peaks: {found}  |H(29)|/|H(3)| {predicted:.3f}  |H(32)| {response(taps_1d, N, 2 * N):.3f}")

# %% [markdown] tags=["lang-ko"]
# 측정한 이미지의 크기가 필터의 주파수 응답에서 예측한 값과 같습니다.
#
# ### 체커보드는 나이퀴스트 주파수의 에너지다
#
# 2-D에서 주기 2 무늬, 곧 네 위상의 평균만으로 정해지는 무늬는 DFT에서 0이 아닌 칸이 넷뿐입니다. (0, 0)의 평균과,
# 나이퀴스트 주파수가 들어간 (0, N/2), (N/2, 0), (N/2, N/2)입니다. 위상 평균을 재는 체커보드 강도는 그래서
# 나이퀴스트 칸의 에너지를 재는 셈입니다. 레슨 07의 스펙트럼에서 가장자리 행과 열의 점이 바로 이것입니다. 2절의
# 기본 초기화 층과 ICNR식 층의 상수 입력 응답(안쪽 16×16)으로, 평균(0, 0)을 뺀 에너지 가운데 나이퀴스트 칸의
# 몫과 가장 큰 칸의 위치를 봅시다.

# %% [markdown] tags=["lang-en"]
# The measured image sizes equal the ones predicted from the filters' frequency responses.
#
# ### A checkerboard is energy at the Nyquist frequency
#
# In 2-D a period-2 pattern, fixed by the four phase means alone, has a DFT that is nonzero in four bins only: the
# mean at (0, 0) and the Nyquist bins (0, N/2), (N/2, 0), (N/2, N/2). The checkerboard strength, built from phase
# means, therefore measures energy in the Nyquist bins. The dots on the edge rows and columns of lesson 07's spectra
# are exactly this. Take the constant-input responses (interior 16×16) of section 2's default and ICNR-style layers:
# the share of the energy without the mean (0, 0) that sits in Nyquist bins, and where the largest bin is.

# %%
def nyquist_report(y):
    """(share of non-DC energy in the three Nyquist bins, (row, col) of the largest non-DC bin), per-channel DFT.

    A map whose non-DC energy is below 1e-12 of its total (flat up to rounding) reports (0.0, None).
    """
    inner = y[0, :, 4:-4, 4:-4]
    power = torch.fft.fft2(inner).abs().pow(2).sum(0)
    total = power.sum()
    power[0, 0] = 0
    if power.sum() <= 1e-12 * total:
        return 0.0, None
    half = inner.shape[-1] // 2
    nyquist = power[0, half] + power[half, 0] + power[half, half]
    return (nyquist / power.sum()).item(), divmod(int(power.argmax()), power.shape[-1])


for name in ("default", "ICNR-style"):
    y = inits[name](flat)
    share, peak = nyquist_report(y)
    print(f"{message(NAMES[name], LANG)}: {message('lesson10.strength', LANG)} {checkerboard_strength(y):.3f}  "
          f"{message('lesson10.nyquist_share', LANG)} {share:.3f}  {message('lesson10.largest_bin', LANG)} {peak}")

# %% [markdown] tags=["lang-ko"]
# 기본 초기화 층은 평균을 뺀 에너지가 모두 나이퀴스트 칸에 있고, ICNR식 층의 응답은 안쪽이 평평해서 나이퀴스트
# 칸에 에너지가 없습니다(반올림 오차 수준으로 평평하면 몫을 0, 위치를 `None`으로 적습니다). 이 결과는
# 체커보드 강도가 0인지 아닌지와 정확히 일치합니다.
#
# ## 4. 학습한 뒤에도 남는가
#
# 레슨 07에서는 학습 뒤 체커보드 강도가 내려갔지만 무늬의 RMS는 조금 줄었을 뿐이고, 레슨 09에서는 학습한 모델의
# 출력에 격자가 보이지 않았습니다. 학습하면 무늬가 사라질까요? Odena 외(2016)의 중심 증거는 학습을
# 마친 모델입니다. 작은 오토인코더로 확인합니다. 인코더는 스트라이드 2 합성곱 두 층으로 32×32 조각을 8×8로
# 줄이고, 디코더는 두 번 ×2 합니다. 디코더만 바꾼 두 모델을 같은 조건으로 학습합니다.
#
# - **전치 합성곱**: K=4, S=2, P=1 두 층.
# - **업샘플링 + 합성곱**: 최근접 이웃 ×2 + 3×3 합성곱 두 층.
#
# 데이터는 scikit-image에 들어 있는 `camera` 사진(128×128로 줄임)의 32×32 조각이고, 평가는 학습에 쓰지 않은
# `coins` 사진으로 합니다. 무늬는 세 가지로 잽니다. 출력의 강도, 오차(출력 − 정답)의 강도, 그리고 비교 기준인
# 정답 사진 자체의 강도입니다.

# %% [markdown] tags=["lang-en"]
# The default layer has all of its energy without the mean in Nyquist bins; the ICNR-style layer answers with a
# flat interior and has none there (a map flat up to rounding is written as share 0, position `None`). This goes
# exactly with whether the strength is 0.
#
# ## 4. Does it survive training?
#
# In lesson 07 the strength fell with training while the pattern's RMS shrank only a little; in lesson 09 the
# trained models showed no visible grid. Does training remove the pattern? The central evidence of Odena et al. (2016)
# is trained models. We check with a small autoencoder: two stride-2 convolutions shrink 32×32 patches to 8×8, and
# a decoder grows them back with two ×2 steps. Two models that differ only in the decoder train under the same
# conditions:
#
# - **Transposed convolution**: two K=4, S=2, P=1 layers.
# - **Upsample + convolution**: two nearest-neighbour ×2 + 3×3 convolution layers.
#
# The data are 32×32 patches of scikit-image's bundled `camera` photograph (shrunk to 128×128); evaluation uses the
# `coins` photograph, never seen in training. Three measures: the strength of the output, of the error
# (output − target), and, as a baseline, of the target photograph itself.

# %%
CH, STEPS = 16, 300
train = patches(downscale2(downscale2(luminance("camera"))), 32, 8)[:, None]
target = downscale2(luminance("coins"))[None, None, :96, :96]
print("train:", tuple(train.shape), " target:", tuple(target.shape))


def autoencoder(up):
    return nn.Sequential(nn.Conv2d(1, CH, 4, 2, 1), nn.ReLU(), nn.Conv2d(CH, CH, 4, 2, 1), nn.ReLU(),
                         up(CH, CH), nn.ReLU(), up(CH, 1))


DECODERS = {
    "ConvT k4s2": lambda c_in, c_out: nn.ConvTranspose2d(c_in, c_out, 4, 2, 1),
    "Upsample+Conv": lambda c_in, c_out: nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"),
                                                       nn.Conv2d(c_in, c_out, 3, padding=1)),
}


def measure(model):
    y = model(target)
    return checkerboard_strength(y), checkerboard_strength(y - target)


def train_model(model):
    draws = torch.Generator().manual_seed(0)
    optimizer = torch.optim.Adam(model.parameters(), 2e-3)
    with torch.enable_grad():
        for _ in range(STEPS):
            batch = train[torch.randint(len(train), (32,), generator=draws)]
            loss = F.mse_loss(model(batch), batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return model


models, before = {}, {}
for name, up in DECODERS.items():
    torch.manual_seed(0)
    models[name] = autoencoder(up)
    before[name] = measure(models[name])
print(f"{message('lesson10.target', LANG)}: {message('lesson10.strength', LANG)} {round(checkerboard_strength(target), 4)}")

# %%
_ = train_model(models["ConvT k4s2"])

# %%
_ = train_model(models["Upsample+Conv"])

# %% tags=["x86-digits"]
# x86-digits: trained autoencoders (training magnifies kernel-dependent rounding)
after = {name: measure(model) for name, model in models.items()}
for name in models:
    (out0, err0), (out1, err1) = before[name], after[name]
    print(f"{name}: {message('lesson10.output', LANG)} {out0:.4f} → {out1:.4f}   "
          f"{message('lesson10.error', LANG)} {err0:.4f} → {err1:.4f}   {strength_verdict(out1, LANG)}")
convt_out, resize_out = after["ConvT k4s2"][0], after["Upsample+Conv"][0]
claim("`strength(ConvT(target)) > 2 × strength(Upsample+Conv(target))`", convt_out > 2 * resize_out)

# %%
response_gallery([target[0, 0, 16:48, 16:48]] + [models[name](target)[0, 0, 16:48, 16:48] for name in models],
                 [message("lesson10.target", LANG)] + [f"{name}\n{after[name][0]:.4f}" for name in models], LANG,
                 title=message("lesson10.gallery", LANG))

# %% [markdown] tags=["lang-ko"]
# 결과는 이렇습니다. 학습은 전치 합성곱의 무늬를 크게 줄입니다. 판정 단어로는 "약함"이고 눈으로는
# 거의 보이지 않습니다. 그래도 사라지지는 않습니다. 같은 조건의 업샘플링 + 합성곱보다, 그리고 정답 사진
# 자체보다 여러 배 큰 위상 무늬가 출력과 오차에 남습니다. 오차에서 무늬가 차지하는 몫은 오히려 커지는데, 나머지
# 오차가 무늬보다 빨리 줄기 때문입니다. 픽셀 단위 손실(MSE)은 무늬를 직접 벌하므로 이
# 설정은 무늬가 사라지기 쉬운 쪽입니다. 판별자의 기울기만 받는 GAN 생성자는
# 이 레슨의 계산 예산(CPU 1분)에 맞지 않아 시험하지 않았습니다.

# %% [markdown] tags=["lang-en"]
# The result: training shrinks the transposed convolution's pattern a lot. Its verdict is "weak" and it is
# barely visible. But it does not vanish: output and error keep a phase pattern several times that of
# upsample + convolution trained the same way, and of the target photograph itself. The pattern's share of the error
# even grows, because the rest of the error shrinks faster than the pattern. A pixel loss (MSE) penalizes the
# pattern directly, so this setting is one where the pattern fades easily. GAN generators, which see only a
# discriminator's gradients, do not fit this lesson's budget (one CPU minute) and were not tested here.

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - 쌍선형 보간 ×2는 커널 [¼, ¾, ¾, ¼]⊗[¼, ¾, ¾, ¼], K=4, S=2, P=1인 전치 합성곱과 테두리 한 줄을 빼고
#   같습니다. 테두리가 다른 까닭은 보간이 가장자리 값을 복제하고 전치 합성곱은 0을 쓰기 때문입니다. 최근접
#   이웃 보간 ×2는 모두 1인 K=2, S=2 전치 합성곱이고, 채널마다 하려면 `groups=C`로 씁니다.
# - 최근접 이웃 보간 + 합성곱은 경사면에 주기 2 계단을 남기고, 쌍선형 보간은 남기지 않습니다.
# - `ConvTranspose2d`의 기본 초기화는 fan-in을 C_out/groups로 세므로 출력 크기가 C_in/C_out에 따라 달라집니다.
#   위상 합 맞추기, ICNR식, 쌍선형 초기화는 무늬 없이 출발합니다.
# - 0 삽입은 스펙트럼 이미지를 만들고 보간 필터는 그것을 거르는 저역 통과 필터입니다. 체커보드는 나이퀴스트
#   주파수의 에너지입니다.
# - 픽셀 손실로 학습한 오토인코더에서도 전치 합성곱의 무늬는 줄어들 뿐, 업샘플링 + 합성곱보다 크게 남습니다.
#
# **참고 문헌**
#
# - **Long 외 2015**: J. Long, E. Shelhamer, T. Darrell, *Fully Convolutional Networks for Semantic Segmentation*,
#   CVPR 2015, arXiv:1411.4038, 2015, <https://arxiv.org/abs/1411.4038>.
# - **Zhang 외 2023**: A. Zhang, Z. C. Lipton, M. Li, A. J. Smola, *Dive into Deep Learning*, Cambridge University
#   Press, 2023, <https://d2l.ai>. 14.11절 "Fully Convolutional Networks"(쌍선형 보간으로 초기화).
# - **Odena 외 2016**: A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill, 2016,
#   <https://distill.pub/2016/deconv-checkerboard/>.
# - **Aitken 외 2017**: A. Aitken, C. Ledig, L. Theis, J. Caballero, Z. Wang, W. Shi, *Checkerboard artifact free
#   sub-pixel convolution: A note on sub-pixel convolution, resize convolution and convolution resize* (ICNR),
#   arXiv:1707.02937, 2017, <https://arxiv.org/abs/1707.02937>.
# - PyTorch 소스 `torch/nn/modules/conv.py`(`reset_parameters`)와 `torch/nn/init.py`(`_calculate_fan_in_and_fan_out`)

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - Bilinear ×2 equals the transposed convolution with kernel [¼, ¾, ¾, ¼]⊗[¼, ¾, ¾, ¼], K=4, S=2, P=1, except on
#   the outermost ring: interpolation replicates the edge, the transposed convolution uses zeros. Nearest ×2 is the
#   all-ones K=2, S=2 transposed convolution; per channel, use `groups=C`.
# - Nearest + convolution leaves a period-2 staircase on a ramp; bilinear does not.
# - `ConvTranspose2d`'s default initialization counts the fan-in from C_out/groups, so the output scale depends on
#   C_in/C_out. Equal phase sums, ICNR-style and bilinear initializations start without a pattern.
# - Zero insertion creates spectral images; interpolation filters are low-pass filters that remove them. A
#   checkerboard is energy at the Nyquist frequency.
# - In an autoencoder trained with a pixel loss, the transposed convolution's pattern shrinks but stays well above
#   upsample + convolution.
#
# **References**
#
# - **Long et al. 2015**: J. Long, E. Shelhamer, T. Darrell, *Fully Convolutional Networks for Semantic
#   Segmentation*, CVPR 2015, arXiv:1411.4038, 2015, <https://arxiv.org/abs/1411.4038>.
# - **Zhang et al. 2023**: A. Zhang, Z. C. Lipton, M. Li, A. J. Smola, *Dive into Deep Learning*, Cambridge
#   University Press, 2023, <https://d2l.ai>. Section 14.11 "Fully Convolutional Networks" (bilinear initialization).
# - **Odena et al. 2016**: A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill,
#   2016, <https://distill.pub/2016/deconv-checkerboard/>.
# - **Aitken et al. 2017**: A. Aitken, C. Ledig, L. Theis, J. Caballero, Z. Wang, W. Shi, *Checkerboard artifact
#   free sub-pixel convolution: A note on sub-pixel convolution, resize convolution and convolution resize* (ICNR),
#   arXiv:1707.02937, 2017, <https://arxiv.org/abs/1707.02937>.
# - PyTorch source `torch/nn/modules/conv.py` (`reset_parameters`) and `torch/nn/init.py`
#   (`_calculate_fan_in_and_fan_out`)

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. 최근접 이웃 보간 ×2는 어떤 커널과 스트라이드의 전치 합성곱인가요? 쌍선형 보간 ×2의 커널 [¼, ¾, ¾, ¼]은 어디에서 나오고, 같은 커널의 전치 합성곱과 보간은 왜 테두리 한 줄에서만 다를까요? (→ 1절)
# 2. `ConvTranspose2d(8, 256, 4, stride=2, padding=1)`을 기본 초기화하면 평균 0, 분산 1인 입력에 대한 출력의 표준편차는 1보다 클까요, 작을까요? fan-in을 어느 채널 수에서 세기 때문인가요? (→ 2절)
# 3. 위상 합 맞추기, ICNR식, 쌍선형 초기화는 무엇을 같게 만들어서 무늬 없이 출발하나요? 학습하는 동안에도 그 성질이 유지될까요? (→ 2절)
# 4. 길이 N인 신호의 값 사이에 0을 끼우면 주파수 k의 성분 옆 어디에 이미지가 생기나요? 체커보드 강도는 스펙트럼의 어느 칸을 재나요? (→ 3절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. Nearest ×2 is a transposed convolution with which kernel and stride? Where does the bilinear ×2 kernel [¼, ¾, ¾, ¼] come from, and why do the transposed convolution with that kernel and the interpolation differ only on the outermost ring? (→ section 1)
# 2. With its default initialization, does `ConvTranspose2d(8, 256, 4, stride=2, padding=1)` give an output standard deviation above or below 1 for a zero-mean, unit-variance input? Which channel count is its fan-in taken from? (→ section 2)
# 3. What do equal phase sums, ICNR-style and bilinear initialization make equal so that they start without a pattern? Does that property last during training? (→ section 2)
# 4. Insert a zero between the values of a length-N signal: where does an image of the component at frequency k appear? Which bins of the spectrum does the checkerboard strength measure? (→ section 3)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 문제마다 아래에 접힌 풀이 셀이 있습니다.
#
# **1.** 최근접 이웃 보간 ×3을 전치 합성곱으로 쓰면 커널 크기 K는 얼마일까요? (스트라이드는 3, 패딩은 0입니다.)

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. A collapsed solution cell follows
# each exercise.
#
# **1.** Written as a transposed convolution, what kernel size K does nearest-neighbour ×3 need? (Stride 3,
# padding 0.)

# %%
answer = ...
check("10.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
x3 = torch.rand(1, 1, 4, 4, dtype=torch.float64)
solution = next(k for k in range(1, 7)
                if F.conv_transpose2d(x3, torch.ones(1, 1, k, k).double(), stride=3).shape == (1, 1, 12, 12)
                and close(F.conv_transpose2d(x3, torch.ones(1, 1, k, k).double(), stride=3),
                          F.interpolate(x3, scale_factor=3, mode="nearest")))
verify("10.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** `nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1)`의 기본 초기화에서 PyTorch가 쓰는 fan-in은 얼마일까요?

# %% [markdown] tags=["lang-en"]
# **2.** What fan-in does PyTorch use for the default initialization of `nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1)`?

# %%
answer = ...
check("10.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = nn.init._calculate_fan_in_and_fan_out(nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1).weight)[0]
verify("10.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3. (코딩)** 1절의 [¼, ¾, ¾, ¼]을 임의의 정수 배율로 일반화해 봅시다. `bilinear_kernel(channels, scale)`은
# `F.conv_transpose2d(x, weight, stride=scale, padding=scale // 2, groups=channels)`가 테두리 근처를 빼고
# `F.interpolate(x, scale_factor=scale, mode="bilinear")`와 같아지게 하는 float64 가중치
# `(channels, 1, K, K)`를 돌려줍니다. 커널 크기는 K = 2·scale − scale % 2입니다(배율이 짝수면 2·scale, 홀수면
# 2·scale − 1). 채점기는 한 픽셀만 1인 입력을 PyTorch의 `F.interpolate`로 키운 응답에서 잘라 낸 커널과 비교합니다.
#
# 막히면 `hint("10.3", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **3. (coding)** Generalize section 1's [¼, ¾, ¾, ¼] to any integer scale. `bilinear_kernel(channels, scale)`
# returns the float64 weight `(channels, 1, K, K)` with which
# `F.conv_transpose2d(x, weight, stride=scale, padding=scale // 2, groups=channels)` equals
# `F.interpolate(x, scale_factor=scale, mode="bilinear")` away from the border. The kernel size is
# K = 2·scale − scale % 2 (2·scale for an even scale, 2·scale − 1 for an odd one). The checker compares it with the
# kernel cut from the response of PyTorch's `F.interpolate` to an input with a single 1.
#
# Stuck? Run `hint("10.3", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def bilinear_kernel(channels, scale):
    ...


check_code("10.3", bilinear_kernel, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(channels, scale):
    k = 2 * scale - scale % 2
    t = 1 - (torch.arange(k, dtype=torch.float64) - (k - 1) / 2).abs() / scale
    return torch.outer(t, t).expand(channels, 1, k, k).clone()


verify_code("10.3", solution)

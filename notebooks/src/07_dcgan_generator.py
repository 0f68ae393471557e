# %% [markdown] tags=["lang-ko"]
# # 07. 실전: DCGAN 생성자
#
# DCGAN(Radford 외 2015)은 전치 합성곱을 쌓아 잡음 벡터에서 이미지를 만드는 생성자를 정착시킨
# 논문입니다. 잠재 벡터 하나가 4×4 특징 맵이 되고, 층마다 크기가 두 배가 되어 64×64 이미지가 됩니다.

# %% [markdown] tags=["lang-en"]
# # 07. In practice: the DCGAN generator
#
# DCGAN (Radford et al. 2015) is the paper that established generators built from stacked
# transposed convolutions, turning a noise vector into an image. One latent vector becomes a 4×4 feature
# map, and every layer doubles the size up to a 64×64 image.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** DCGAN 생성자의 층마다 출력 크기를 공식으로 확인하고, 1×1 입력을 받는 첫 층이 왜 선형 층인지 설명하고, 4/2/1이 겹침을 균일하게 만드는데도 학습 전 생성자에 2×2 무늬가 있는 까닭을 설명하고, 짧은 GAN 학습을 손실이 아니라 측정값으로 판단할 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** check each layer of a DCGAN generator with the output-size formula, explain why its first layer on a 1×1 input is a linear layer, explain why an untrained generator shows a 2×2 pattern although 4/2/1 evens out the overlap, and judge a short GAN training run by measurements rather than by its losses.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 4절의 학습은 작은 예산으로 돌립니다. 생성된 숫자가 흐릿하더라도 실패가 아니라 예산의 한계라는 점을 미리
# 말해 두세요.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** The training run of section 4 runs on a small budget. Say beforehand that blurry digits are
# the limit of the budget, not a failure.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import copy

import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.nn import functional as F
from tqdm.auto import tqdm

from course_utils.arithmetic import conv_transpose_output_size
from course_utils.claims import claim, close
from course_utils.diagrams import image_grid, pattern_panels
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.i18n import message
from course_utils.metrics import checkerboard_strength, pattern_rms, strength_verdict
from course_utils.notebook import setup
from course_utils.summary import layer_table

setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 원문의 생성자
#
# 원문의 코드를 그대로 옮겼습니다. `(B, 100)` 잡음을 `(B, 100, 1, 1)`로 바꾼 뒤, 전치 합성곱 다섯 층으로
# 1 → 4 → 8 → 16 → 32 → 64로 키우고 마지막에 Tanh로 값을 [−1, 1]에 가둡니다. 배치 크기 4로 실행합니다.

# %% [markdown] tags=["lang-en"]
# ## 1. The document's generator
#
# The document's code as written. The `(B, 100)` noise becomes `(B, 100, 1, 1)`; five
# transposed convolutions grow it 1 → 4 → 8 → 16 → 32 → 64, and a final Tanh keeps the values in [−1, 1].
# We run it on a batch of 4.

# %%
class Generator(nn.Module):
    """The document's DCGAN-style generator (simplified)."""

    def __init__(self, latent_dim=100):
        super().__init__()
        self.net = nn.Sequential(
            nn.ConvTranspose2d(100, 512, 4, 1, 0),
            nn.BatchNorm2d(512), nn.ReLU(True),
            nn.ConvTranspose2d(512, 256, 4, 2, 1),
            nn.BatchNorm2d(256), nn.ReLU(True),
            nn.ConvTranspose2d(256, 128, 4, 2, 1),
            nn.BatchNorm2d(128), nn.ReLU(True),
            nn.ConvTranspose2d(128, 64, 4, 2, 1),
            nn.BatchNorm2d(64), nn.ReLU(True),
            nn.ConvTranspose2d(64, 3, 4, 2, 1),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.net(z.view(-1, 100, 1, 1))


gen = Generator()
z = torch.randn(4, 100)
with torch.no_grad():
    img = gen(z)
print("img:", tuple(img.shape))
claim("-1 <= img.min(), img.max() <= 1", bool(img.min() >= -1 and img.max() <= 1))
print(layer_table(gen, z, lang=LANG))

# %% [markdown] tags=["lang-ko"]
# 원문의 주석대로 `(4, 3, 64, 64)`가 나오고, 파라미터는 모두 3,577,667개입니다. 그 가운데 절반 이상(2,097,408개)이
# 512 → 256 채널의 두 번째 층에 있습니다.
#
# ### 층마다 공식으로 확인하기
#
# 각 전치 합성곱의 입력 크기에 레슨 03의 공식 $O = (I-1)S - 2P + K$를 적용한 값과 실제 출력 크기를 나란히 놓습니다.

# %% [markdown] tags=["lang-en"]
# As the document's comment says, the output is `(4, 3, 64, 64)`, and there are 3,577,667 parameters in
# all. More than half of them (2,097,408) sit in the second layer, 512 → 256 channels.
#
# ### Checking each layer with the formula
#
# For each transposed convolution, lesson 03's formula $O = (I-1)S - 2P + K$ on its input size, next to the size it
# actually produces:

# %%
print("          k  s  p    I  (I-1)S-2P+K  O")
h = z.view(-1, 100, 1, 1)
with torch.no_grad():
    for name, layer in gen.net.named_children():
        out = layer(h)
        if isinstance(layer, nn.ConvTranspose2d):
            k, s, p = layer.kernel_size[0], layer.stride[0], layer.padding[0]
            formula = conv_transpose_output_size(h.shape[-1], k, s, p)
            claim(f"net.{name:4} {k:2} {s:2} {p:2} {h.shape[-1]:4} {formula:11} {out.shape[-1]:3}", formula == out.shape[-1])
        h = out

# %% [markdown] tags=["lang-ko"]
# 첫 층은 $(1-1)\cdot 1 - 0 + 4 = 4$, 나머지는 $(I-1)\cdot 2 - 2 + 4 = 2I$로 정확히 두 배입니다. 커널 4, 스트라이드 2,
# 패딩 1(이하 4/2/1)은 `output_padding` 없이 크기를 정확히 두 배로 만드는 가장 흔한 설정입니다.

# %% [markdown] tags=["lang-en"]
# The first layer gives $(1-1)\cdot 1 - 0 + 4 = 4$; the others give $(I-1)\cdot 2 - 2 + 4 = 2I$, exactly
# double. Kernel 4, stride 2, padding 1 (4/2/1 from here on) is the most common setting that doubles the
# size exactly without `output_padding`.

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 심화: 원문 코드의 실수와 원 논문
#
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# **쓰이지 않는 `latent_dim`.** `Generator(latent_dim=100)`는 인자를 받고도 쓰지 않습니다. 100이
# 첫 층 `ConvTranspose2d(100, 512, 4, 1, 0)`과 `forward`의 `z.view(-1, 100, 1, 1)`에 그대로 적혀 있기 때문입니다.
# 그래서 `Generator(latent_dim=64)`에 64차원 잠재 벡터 4개를 넣으면 `view`에서 오류가 납니다(256개의 값은 100개씩
# 나뉘지 않습니다). 두 곳의 100을 `latent_dim`으로 바꾸면 고쳐집니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### Deep dive: the document's code and the paper
#
# You can skip it; nothing later depends on it.
#
# **`latent_dim` is never used.** `Generator(latent_dim=100)` takes the argument and
# ignores it: 100 is written out in the first layer, `ConvTranspose2d(100, 512, 4, 1, 0)`, and in `forward`'s
# `z.view(-1, 100, 1, 1)`. So four 64-dimensional latent vectors fail in `view` of `Generator(latent_dim=64)`
# (256 values do not split into rows of 100). Replacing both 100s with `latent_dim` fixes it.

# %% tags=["deep-dive"]
gen64 = Generator(latent_dim=64)
claim("gen64.net[0].in_channels == 100", gen64.net[0].in_channels == 100)
try:
    gen64(torch.randn(4, 64))
except RuntimeError as error:
    print("gen64(torch.randn(4, 64)):", type(error).__name__)

# %% [markdown] tags=["lang-ko", "deep-dive"]
# **원 논문과 비교하면.** 원문은 "간략화"했다고 밝히고 있고, 실제로 원 논문의 그림 1보다 채널이 절반입니다(4×4에서 1024가 아니라 512).
# 또 배치 정규화 바로 앞 전치 합성곱의 편향은 배치 정규화가 평균을 빼면서 지워지므로 쓸모가 없습니다(레슨 06에서
# 확인했습니다). 원 논문의 코드에는 이 편향이 없습니다. 원문 생성자에서 낭비되는 파라미터를 셉니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# **Compared with the paper.** The document says it is "simplified", and indeed it has half the channels of the paper's Figure 1 (512 at
# 4×4 instead of 1024). Also, the bias of a transposed convolution right before batch normalization is useless,
# because batch normalization subtracts the mean and erases it (we checked this in lesson 06). The paper's code
# has no such biases. Count the parameters the document's generator wastes:

# %% tags=["deep-dive"]
wasted = sum(layer.bias.numel() for layer in gen.net[:-2] if isinstance(layer, nn.ConvTranspose2d))
print("Σ bias.numel(), ConvTranspose2d → BatchNorm2d:", wasted)

# %% [markdown] tags=["lang-ko"]
# ## 2. 첫 층은 선형 층이다
#
# 첫 층 `ConvTranspose2d(100, 512, 4, 1, 0)`은 1×1 입력을 받으므로 겹침이 없습니다. 잡음의 각 성분에 4×4×512
# 가중치 블록 하나를 곱해 더할 뿐이니, `Linear(100, 512·4·4)` 뒤에 `(512, 4, 4)`로 모양을 바꾼 것과 같습니다.
# 가중치를 복사해 `float64`에서 `close`(차이가 가장 큰 절댓값의 10⁻⁹ 이하이면 같다고 봅니다)로 비교합니다.
# 전치 합성곱의 `(in, out, k, k)` 가중치를 `(100, 8192)`로 펴서 전치하면 선형 층의 `(8192, 100)` 가중치가 되고,
# 채널마다 하나인 편향은 4×4 위치마다 되풀이합니다.

# %% [markdown] tags=["lang-en"]
# ## 2. The first layer is a linear layer
#
# The first layer, `ConvTranspose2d(100, 512, 4, 1, 0)`, receives a 1×1 input, so there is no overlap: each noise
# component multiplies one 4×4×512 block of weights, and the blocks are summed. That is `Linear(100, 512·4·4)`
# followed by a reshape to `(512, 4, 4)`. We copy the weights and compare in `float64` with `close` (equal when
# the difference is at most 10⁻⁹ of the largest absolute value): the transposed convolution's `(in, out, k, k)`
# weight, flattened to `(100, 8192)` and transposed, is the linear layer's `(8192, 100)` weight, and the
# per-channel bias is repeated for the 4×4 positions.

# %%
first = copy.deepcopy(gen.net[0]).double()
linear = nn.Linear(100, 512 * 4 * 4, dtype=torch.float64)
with torch.no_grad():
    linear.weight.copy_(first.weight.reshape(100, -1).T)
    linear.bias.copy_(first.bias.repeat_interleave(4 * 4))
    as_conv = first(z.double().view(-1, 100, 1, 1))
    as_linear = linear(z.double()).view(-1, 512, 4, 4)
print("first(z):", tuple(as_conv.shape), " linear(z).view(-1, 512, 4, 4):", tuple(as_linear.shape))
claim("close(as_conv, as_linear)", close(as_conv, as_linear))
print("Σ p.numel(), first:", f"{sum(p.numel() for p in first.parameters()):,}",
      "| linear:", f"{sum(p.numel() for p in linear.parameters()):,}")

# %% [markdown] tags=["lang-ko"]
# 파라미터 수는 편향만큼 다릅니다. 채널마다 하나씩 두고 4×4 위치가 함께 쓰는 편향과 출력마다 따로 있는
# 편향입니다(512개 대 8,192개). 그래서 정확히 말하면 첫 층은 "위치끼리 편향을 공유하는 선형 층 + 모양 바꾸기"입니다. 원 논문도 첫 층은
# "행렬 곱일 뿐이라 완전 연결 층이라 불러도 되지만, 결과를 4차원 텐서로 모양을 바꾼다"(번역)고 했고, 저자들의
# 코드(Newmu/dcgan_code)도 행렬 곱과 `reshape`로 썼습니다.

# %% [markdown] tags=["lang-en"]
# The parameter counts differ by the biases: one per channel, shared by the 4×4 positions, against one per output
# (512 against 8,192). So, precisely, the first layer is "a linear layer whose positions share their biases, plus a
# reshape". The paper says so itself: the first layer "could be called fully connected as it is just a matrix
# multiplication, but the result is reshaped into a 4-dimensional tensor", and the authors' code
# (Newmu/dcgan_code) writes it as a matrix product and a `reshape`.

# %% [markdown] tags=["lang-ko"]
# ## 3. 학습 전부터 있는 무늬
#
# ### 겹침 수: 커널 5와 커널 4
#
# 원 논문의 코드는 커널 5, 스트라이드 2를 썼습니다(출력을 정확히 두 배로 맞추므로 PyTorch로는
# `ConvTranspose2d(k=5, s=2, p=2, output_padding=1)`). 가중치와 입력을 모두 1로 두면 출력의 각 칸에는 그 칸에
# 겹쳐 더해진 입력의 개수가 찍힙니다. 8칸 입력에 대해 한 줄을 봅니다.

# %% [markdown] tags=["lang-en"]
# ## 3. A pattern that is there before training
#
# ### Overlap counts: kernel 5 and kernel 4
#
# The paper's code used kernel 5 and stride 2 (exactly doubling, in PyTorch
# `ConvTranspose2d(k=5, s=2, p=2, output_padding=1)`). With all weights and inputs 1, each output cell shows how many
# inputs were added into it. One row, for an input of 8:

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 출력된 겹침 수 줄에서 주기적인 무늬를 먼저 찾게 하세요. 원래 DCGAN의 K=5, S=2 설정과 K=4,
# S=2, P=1 설정을 비교하면 레슨 04의 두 원인이 다시 나옵니다. 4/2/1은 첫째 원인만 없앱니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** Have learners find the periodic pattern in the printed overlap counts first. Comparing the
# original DCGAN's K=5, S=2 with K=4, S=2, P=1 brings back lesson 04's two causes: 4/2/1 removes only the first.

# %%
SETTINGS = {"k4 s2 p1": dict(kernel_size=4, stride=2, padding=1),
            "k5 s2 p2": dict(kernel_size=5, stride=2, padding=2, output_padding=1)}


def single_layer(setting, weights):
    layer = nn.ConvTranspose2d(1, 1, bias=False, **SETTINGS[setting])
    with torch.no_grad():
        layer.weight.copy_(torch.ones_like(layer.weight) if weights == "uniform" else torch.randn_like(layer.weight))
    return layer


with torch.no_grad():
    for setting in SETTINGS:
        counts = single_layer(setting, "uniform")(torch.ones(1, 1, 1, 8))[0, 0, 0]
        print(f"{setting}:", counts.int().tolist())

# %% [markdown] tags=["lang-ko"]
# 4/2/1은 가장자리 한 칸만 1이고 안쪽은 모두 2(2-D로는 2×2 = 4)로 균일합니다. 원문의 체커보드 그림이 4/2/1에서
# 보여 주는 1과 4의 차이는 이 가장자리의 차이일 뿐이고, 안쪽에는 체커보드가 없습니다. 반면 커널 5는 안쪽이 3과 2로
# 번갈아 나옵니다(2-D로는 9, 6, 4). 커널 크기가 스트라이드로 나누어떨어지지 않을 때 생기는 불균일한 겹침입니다.
#
# ### 가중치까지 넣으면
#
# 겹침 수는 가중치를 모두 1로 둔 특수한 경우입니다. 상수 입력에 대한 한 층의 응답을 레슨 04의 체커보드
# 강도(`checkerboard_strength`: 0이면 2×2 무늬가 없고, 1이면 안쪽의 변동이 모두 그 무늬입니다)와 무늬의
# RMS(`pattern_rms`, 출력과 같은 단위)로, 같은 가중치(모두 1)와 무작위 가중치에 대해 잽니다.

# %% [markdown] tags=["lang-en"]
# With 4/2/1 only the outermost cell is 1 and the whole interior is an even 2 (2×2 = 4 in 2-D). The 1-versus-4
# difference in the document's checkerboard figure for 4/2/1 is only this border; the interior has no
# checkerboard. Kernel 5, on the other hand, alternates 3 and 2 inside (9, 6 and 4 in 2-D): the uneven overlap of
# a kernel size that the stride does not divide.
#
# ### Now add the weights
#
# Overlap counts are the special case with every weight equal to 1. We measure one layer's response to a
# constant input with lesson 04's checkerboard strength (`checkerboard_strength`: 0 means no 2×2 pattern, 1 that
# all the interior's variation is that pattern) and the pattern's RMS (`pattern_rms`, in the output's units),
# for equal weights (all 1) and for random weights.

# %%
print(" " * 20, message("outputs.checkerboard", LANG), "| pattern_rms")
with torch.no_grad():
    for setting in SETTINGS:
        for weights in ("uniform", "random"):
            response = single_layer(setting, weights)(torch.ones(1, 1, 16, 16))
            strength = checkerboard_strength(response)
            print(f"{setting:9}", f"{weights!r:10}", f"{strength:6.3f}", f"{strength_verdict(strength, LANG):4}",
                  f"{pattern_rms(response):6.3f}")

# %% [markdown] tags=["lang-ko"]
# 4/2/1이 고치는 것은 **겹침 수에서 오는 무늬**입니다. 모든 가중치가 같으면 안쪽이 평평합니다. 가중치가 다르면
# 4/2/1도 무늬를 만드는데, 이유는 레슨 02의 서브픽셀 관점에 있습니다. 스트라이드 2의 출력은 네 위상(짝/홀 행 × 짝/홀
# 열)으로 나뉘고, 위상마다 커널의 다른 2×2 부분(`w[a::2, b::2]`)을 씁니다. 상수 입력에 대한 안쪽 값은 이 네 부분
# 커널의 합이므로, 네 합이 같지 않으면 2×2 무늬가 생깁니다.

# %% [markdown] tags=["lang-en"]
# What 4/2/1 fixes is **the pattern that comes from the overlap counts**: with equal weights the interior is flat.
# With unequal weights it makes a pattern too, for the reason of lesson 02's sub-pixel view: a stride-2 output
# splits into four phases (even/odd row × even/odd column), each using its own 2×2 part of the kernel
# (`w[a::2, b::2]`). On a constant input the interior values are the sums of these four sub-kernels, so unless the
# sums are equal, a 2×2 pattern appears.

# %%
layer = single_layer("k4 s2 p1", "random").double()
with torch.no_grad():
    response = layer(torch.ones(1, 1, 16, 16, dtype=torch.float64))[0, 0]
w = layer.weight[0, 0]
sub_kernel_sums = sorted(w[a::2, b::2].sum().item() for a in (0, 1) for b in (0, 1))
interior_values = sorted(response[8 + a, 8 + b].item() for a in (0, 1) for b in (0, 1))
print("w[a::2, b::2].sum():   ", [round(v, 3) for v in sub_kernel_sums])
print("response[8 + a, 8 + b]:", [round(v, 3) for v in interior_values])
claim("close(sub_kernel_sums, interior_values)", close(torch.tensor(sub_kernel_sums, dtype=torch.float64), torch.tensor(interior_values, dtype=torch.float64)))

# %% [markdown] tags=["lang-ko"]
# ### 학습하지 않은 생성자 세 가지
#
# 이제 생성자 전체입니다. 원문의 설계에서 업샘플링 층만 바꾼 세 가지를 같은 시드로 초기화하고 같은 잡음 벡터 16개를
# 넣습니다.
#
# - `k4 s2 p1`: 원문의 생성자
# - `k5 s2 p2`: 원래 DCGAN 코드처럼 커널 5
# - `nearest + conv3×3`: 최근접 이웃 보간 ×2 뒤 3×3 합성곱(레슨 04의 해결책)

# %% [markdown] tags=["lang-en"]
# ### Three untrained generators
#
# Now the whole generator: three variants of the document's design that differ only in the upsampling layers,
# from the same seed, on the same 16 noise vectors.
#
# - `k4 s2 p1`: the document's generator
# - `k5 s2 p2`: kernel 5, as in the original DCGAN code
# - `nearest + conv3×3`: nearest-neighbour ×2, then a 3×3 convolution (lesson 04's fix)

# %%
def upsample(c_in, c_out, kind):
    if kind == "nearest + conv3×3":
        return nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(c_in, c_out, 3, padding=1))
    return nn.ConvTranspose2d(c_in, c_out, **SETTINGS[kind])


def generator(kind, widths=(512, 256, 128, 64)):
    layers = [nn.ConvTranspose2d(100, widths[0], 4, 1, 0), nn.BatchNorm2d(widths[0]), nn.ReLU(True)]
    for c_in, c_out in zip(widths, widths[1:]):
        layers += [upsample(c_in, c_out, kind), nn.BatchNorm2d(c_out), nn.ReLU(True)]
    return nn.Sequential(*layers, upsample(widths[-1], 3, kind), nn.Tanh())


noise = torch.randn(16, 100, 1, 1)
untrained = {}
print(" " * 37, message("outputs.checkerboard", LANG))
with torch.no_grad():
    for kind in ("k4 s2 p1", "k5 s2 p2", "nearest + conv3×3"):
        torch.manual_seed(0)
        untrained[kind] = generator(kind)(noise)
        strength = checkerboard_strength(untrained[kind])
        shape = str(tuple(untrained[kind].shape))
        print(f"{kind:18}", f"{shape:17}", f"{strength:8.3f}", strength_verdict(strength, LANG))

# %% [markdown] tags=["lang-ko"]
# 무늬는 눈보다 스펙트럼에서 더 잘 보입니다. 그림의 아래 줄은 2-D 파워 스펙트럼(가운데가 주파수 0)을 16개 샘플과
# 세 채널에 대해 평균한 것입니다. 공간에서 $s$픽셀마다 되풀이되는 무늬의 에너지는 샘플링 주파수의 $1/s$ 배수에만
# 모입니다. 마지막 층의 스트라이드 $s = 2$이면 각 축에서 0과 나이퀴스트 주파수(한 픽셀에 반 주기)이므로, 위쪽과
# 왼쪽 가장자리의 가운데와 왼쪽 위 모서리에 점이 생깁니다(`fftshift`는 나이퀴스트 주파수를 0번 칸에만 둡니다).
# 뒤따르는 스트라이드 2 층은 앞 층이 만든 주기 2의 무늬를 층마다 두 배로 키우므로, 그 무늬들은 출력에서 4, 8,
# 16픽셀마다 되풀이되고 모두 합치면 16픽셀마다 되풀이됩니다. 그래서 점은 $1/16$의 배수, 곧 한 축의 주파수 64개
# 가운데 4개마다 하나씩 놓여 격자를 이룹니다. 주파수로 보는 관점은 레슨 10의 3절이 자세히 다룹니다.

# %% [markdown] tags=["lang-en"]
# The pattern shows better in the spectrum: the figure's bottom row is the 2-D power spectrum (frequency 0 at the
# centre), averaged over the 16 samples and three channels. A pattern
# that repeats every $s$ pixels puts its energy only at multiples of $1/s$ of the sampling frequency. For the last
# layer's stride, $s = 2$, that is 0 and the Nyquist frequency (half a cycle per pixel) on each axis: dots at the
# middle of the top and left edges and in the top-left corner (`fftshift` puts the Nyquist frequency at index 0
# only). Each later stride-2 layer enlarges an earlier layer's period-2 pattern ×2, so those patterns repeat every
# 4, 8 and 16 output pixels, together every 16: dots at every multiple of $1/16$, every 4th of the 64 frequencies
# on an axis, a grid (lesson 10, section 3).

# %%
def power_spectrum(images):
    centred = images - images.mean(dim=(-2, -1), keepdim=True)
    return torch.fft.fftshift(torch.fft.fft2(centred).abs().pow(2).mean(dim=(0, 1)))


spectra = {kind: power_spectrum(images) for kind, images in untrained.items()}
pattern_panels(untrained, spectra, LANG)

# %% [markdown] tags=["lang-ko"]
# 격자의 점은 전체 주파수의 $1/16$이므로, 에너지가 고르게 퍼져 있다면 그 몫은 $1/16 \approx 0.06$입니다.

# %% [markdown] tags=["lang-en"]
# The grid's dots are $1/16$ of all frequencies; energy spread evenly would put a share of $1/16 \approx 0.06$
# there.

# %%
on_grid = torch.arange(64) % 4 == 0  # multiples of 1/16 of the sampling frequency (index 32 is frequency 0)
shares = {kind: (spectrum[on_grid][:, on_grid].sum() / spectrum.sum()).item() for kind, spectrum in spectra.items()}
print(" " * 18, "spectrum[grid].sum() / spectrum.sum()")
for kind, share in shares.items():
    print(f"{kind:18}", f"{share:.2f}")
claim("min(shares['k4 s2 p1'], shares['k5 s2 p2']) > 0.25", min(shares["k4 s2 p1"], shares["k5 s2 p2"]) > 0.25)
claim("shares['nearest + conv3×3'] < 1 / 16", shares["nearest + conv3×3"] < 1 / 16)

# %% [markdown] tags=["lang-ko"]
# 전치 합성곱 생성자 두 개는 스펙트럼에 점의 격자가 뚜렷하고(격자에 놓인 에너지의 몫이 0.49와 0.40으로, 고르게
# 퍼졌을 때의 0.06보다 훨씬 큽니다), 샘플도 픽셀 단위로 거친 잡음입니다. 보간 + 합성곱 생성자는 매끈한 얼룩을
# 만들고, 스펙트럼이 낮은 주파수에 모여 있으며 격자가 없습니다(몫 0.04).
#
# - 4/2/1 생성자는 학습 전부터 뚜렷한 2×2 무늬를 보이고, 이 실행에서는 오히려 커널 5보다 셉니다. **겹침이 균일하다고
#   무늬가 없는 것은 아닙니다.** 초기화된 가중치에서는 네 부분 커널의 합이 서로 독립인 난수라서 같을 리가 없기
#   때문입니다. Distill 글(Odena 외 2016)도 겹침이 균일한 모델조차 비슷한 아티팩트를 만드는 커널을 *학습하는* 일이
#   많다고 적었는데, 여기서는 학습 전부터 무늬가 있습니다.
# - 최근접 이웃 보간 + 합성곱은 평평한 입력에 어느 위상에서나 같은 값(모든 가중치의 합 × 입력값)을 내므로, 여기서
#   2×2 무늬를 만들지 않습니다. 다만 밝기가 고르게 변하는 입력(램프)에서는 주기 2의 계단이 남을 수 있습니다(레슨 04의
#   7절, 레슨 10). 쌍선형 보간은 이 계단을 만들지 않습니다.
#
# 정리하면 4/2/1은 가중치가 같을 때의 겹침 무늬를 없앨 뿐, 초기화된 가중치에서 오는 무늬는 그대로입니다. 이것은
# 학습에 맡기거나, 네 부분 커널을 같게 만드는 초기화(ICNR, Aitken 외 2017)나 보간 + 합성곱(평평한 영역에서만)으로
# 구조에서 막아야 합니다.

# %% [markdown] tags=["lang-en"]
# Both transposed-convolution generators show a clear grid of dots in their spectra (grid shares 0.49 and 0.40,
# far above the 0.06 of evenly spread energy) and rough, pixel-level noise as samples. The interpolation +
# convolution generator makes smooth blobs; its spectrum gathers at low frequencies, with no grid (share 0.04).
#
# - The 4/2/1 generator shows a clear 2×2 pattern before any training, in this run even stronger than kernel 5.
#   **Even overlap does not mean no pattern**: in initialized weights the sums of the four sub-kernels are
#   independent random numbers, which are never equal. The Distill article (Odena et al. 2016) says that even-overlap
#   models often *learn* kernels that cause similar artifacts; here the pattern is there before training.
# - Nearest-neighbour + convolution answers a flat input with the same value in every phase (the sum of all its
#   weights times the input value), so it makes no 2×2 pattern here. On an input whose brightness changes steadily
#   (a ramp), though, it can leave period-2 steps (lesson 04 §7, lesson 10); bilinear interpolation does not.
#
# So 4/2/1 removes the overlap pattern of equal weights, not the pattern of initialized weights. That one is left
# to training unless the design prevents it: an initialization with four equal sub-kernels (ICNR, Aitken et al.
# 2017), or interpolation + convolution (on flat regions only).

# %% [markdown] tags=["lang-ko"]
# ## 4. 짧지만 진짜 학습: 손글씨 숫자
#
# ### 데이터
#
# `sklearn.datasets.load_digits`는 8×8 손글씨 숫자 1,797장을 scikit-learn 패키지 안에 담고 있어 내려받을 것이
# 없습니다. 쌍선형 보간으로 16×16으로 키우고, 생성자의 Tanh에 맞춰 [−1, 1]로 옮깁니다.

# %% [markdown] tags=["lang-en"]
# ## 4. A short but real training run: handwritten digits
#
# ### The data
#
# `sklearn.datasets.load_digits` ships 1,797 handwritten 8×8 digits inside the scikit-learn package, so
# nothing is downloaded. We enlarge them to 16×16 with bilinear interpolation and map them to [−1, 1] to
# match the generator's Tanh.

# %%
digits = load_digits()
real = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
real = F.interpolate(real, size=16, mode="bilinear", align_corners=False) * 2 - 1
print("real:", tuple(real.shape), "real.min(), real.max():", round(real.min().item(), 2), round(real.max().item(), 2))
image_grid(real[:64], nrow=16, title=message("samples.real", LANG), lang=LANG)

# %% [markdown] tags=["lang-ko"]
# ### 같은 설계를 줄인 생성자와 그에 맞춘 판별자
#
# 생성자는 원문과 같은 설계입니다. 첫 층(k4 s1 p0)이 32차원 잠재 벡터를 4×4로 펴고, 4/2/1 층이 8×8, 16×16으로
# 키우며, 마지막은 Tanh입니다. 채널은 64 → 32 → 1로 줄였고, 배치 정규화 앞의 편향은 뺐습니다. 판별자는 그
# 거울상입니다. 스트라이드 2 합성곱이 16 → 8 → 4로 줄이고, 마지막 4×4 합성곱이 점수 하나를 냅니다. 활성화 함수는
# DCGAN대로 LeakyReLU(0.2)입니다.

# %% [markdown] tags=["lang-en"]
# ### A scaled-down generator of the same design, and a matching discriminator
#
# The generator follows the document's design: a first k4 s1 p0 layer spreads a 32-dimensional latent vector to
# 4×4, 4/2/1 layers grow it to 8×8 and 16×16, and a Tanh ends it; channels shrink 64 → 32 → 1, with no biases
# before batch normalization. The discriminator mirrors it: stride-2 convolutions shrink 16 → 8 → 4, and a last
# 4×4 convolution outputs one score. The activation is LeakyReLU(0.2), as in DCGAN.

# %%
LATENT = 32


def small_generator():
    return nn.Sequential(
        nn.ConvTranspose2d(LATENT, 64, 4, 1, 0, bias=False), nn.BatchNorm2d(64), nn.ReLU(True),
        nn.ConvTranspose2d(64, 32, 4, 2, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU(True),
        nn.ConvTranspose2d(32, 1, 4, 2, 1), nn.Tanh(),
    )


def small_discriminator():
    return nn.Sequential(
        nn.Conv2d(1, 32, 4, 2, 1), nn.LeakyReLU(0.2, True),
        nn.Conv2d(32, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.LeakyReLU(0.2, True),
        nn.Conv2d(64, 1, 4, 1, 0), nn.Flatten(),
    )


print(layer_table(small_generator(), torch.zeros(2, LATENT, 1, 1), lang=LANG))
print()
print(layer_table(small_discriminator(), torch.zeros(2, 1, 16, 16), lang=LANG))

# %% [markdown] tags=["lang-ko"]
# ### 학습 설정
#
# DCGAN의 처방을 따릅니다. 가중치는 평균 0, 표준편차 0.02의 정규분포로 초기화하고, Adam의 β₁은 0.5이며, 이진 교차
# 엔트로피로 판별자는 진짜를 1, 가짜를 0으로, 생성자는 판별자가 가짜를 1로 보도록 학습합니다. 다른 점은 예산입니다.
# 논문은 학습률 0.0002, 배치 128로 LSUN 침실 사진 약 300만 장 같은 큰 데이터셋을 학습했지만, 여기서는 학습률 0.001,
# 배치 크기 32로 400단계(데이터를 약 7번 훑는 양)만, 빠른 CPU 한 스레드로 10초 안쪽에 학습합니다. 레슨 06처럼
# `setup`이 연산 커널과 스레드 하나, 결정적 알고리즘을 고정하므로 AVX2가 있는 x86-64 컴퓨터라면 어디서나 같은 숫자가
# 나옵니다.

# %% [markdown] tags=["lang-en"]
# ### Training set-up
#
# We follow DCGAN's recipe: weights from a normal distribution with mean 0 and standard deviation 0.02, Adam with
# β₁ = 0.5, and binary cross-entropy (the discriminator learns to call real images 1 and fakes 0, the generator to
# make it call its fakes 1). The budget differs: the paper used learning rate 0.0002 and batches of 128 on large
# data sets such as the roughly 3 million LSUN bedroom images; we use learning rate 0.001 and batches of 32 for
# 400 steps (about 7 passes over the data), about ten seconds on one fast CPU thread. As in lesson 06, `setup`
# pins the kernels, the single thread and deterministic algorithms, so every x86-64 computer with AVX2 prints the
# same numbers.

# %%
STEPS, BATCH = 400, 32


def dcgan_init(module):
    if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d)):
        nn.init.normal_(module.weight, 0.0, 0.02)
    elif isinstance(module, nn.BatchNorm2d):
        nn.init.normal_(module.weight, 1.0, 0.02)
        nn.init.zeros_(module.bias)


torch.manual_seed(0)
G, D = small_generator().apply(dcgan_init), small_discriminator().apply(dcgan_init)
opt_g = torch.optim.Adam(G.parameters(), lr=1e-3, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(D.parameters(), lr=1e-3, betas=(0.5, 0.999))
draws = torch.Generator().manual_seed(0)
fixed_noise = torch.randn(500, LATENT, 1, 1, generator=draws)
with torch.no_grad():
    before = G(fixed_noise)
ones, zeros = torch.ones(BATCH, 1), torch.zeros(BATCH, 1)

# %%
# NBVAL_IGNORE_OUTPUT
# reason: progress bar
history = []
for step in tqdm(range(STEPS), desc="DCGAN"):
    batch = real[torch.randint(len(real), (BATCH,), generator=draws)]
    fake = G(torch.randn(BATCH, LATENT, 1, 1, generator=draws))

    loss_d = F.binary_cross_entropy_with_logits(D(batch), ones) + \
        F.binary_cross_entropy_with_logits(D(fake.detach()), zeros)
    opt_d.zero_grad()
    loss_d.backward()
    opt_d.step()

    loss_g = F.binary_cross_entropy_with_logits(D(fake), ones)
    opt_g.zero_grad()
    loss_g.backward()
    opt_g.step()
    history.append((loss_d.item(), loss_g.item()))

# %% [markdown] tags=["lang-ko"]
# 100단계마다의 평균 손실입니다. 판별자가 진짜와 가짜를 전혀 구별하지 못하면 판별자 손실은
# 2·ln 2 ≈ 1.39, 생성자 손실은 ln 2 ≈ 0.69입니다.

# %% [markdown] tags=["lang-en"]
# Mean losses per 100 steps. A discriminator that cannot tell real from fake at all
# has a loss of 2·ln 2 ≈ 1.39, and the generator then has ln 2 ≈ 0.69.

# %% tags=["x86-digits"]
# x86-digits: GAN losses (training magnifies kernel-dependent rounding)
losses = torch.tensor(history).view(-1, 100, 2).mean(dim=1)
print(" " * 9, "loss_D  loss_G")
for index, (d, g) in enumerate(losses.tolist()):
    print(f"{index * 100 + 1:4}-{index * 100 + 100:<4}", f"{d:7.2f}", f"{g:7.2f}")
with torch.no_grad():
    after = G(fixed_noise)

# %% [markdown] tags=["lang-ko"]
# ### 학습 전과 후
#
# 같은 잡음 벡터 64개를 학습 전과 후의 생성자에 넣은 결과입니다.

# %% [markdown] tags=["lang-en"]
# ### Before and after
#
# The same 64 noise vectors through the generator before and after training.

# %%
image_grid(before[:64], nrow=16, title=message("samples.before_training", LANG), lang=LANG)

# %%
image_grid(after[:64], nrow=16, title=message("samples.after_training", LANG, steps=STEPS), lang=LANG)

# %% [markdown] tags=["lang-ko"]
# ### 얼마나 숫자다운가: 재어 보기
#
# 그림만으로는 판단이 주관적이므로 두 가지를 잽니다.
#
# 1. **숫자 분류기**: 진짜 8×8 숫자 1,000장으로 소프트맥스 회귀 분류기(선형 층 하나)를 학습시키고, 나머지 797장에서
#    정확도와 평균 확신도(가장 높은 클래스 확률)를 잽니다. 생성한 500장을 8×8로 줄여 넣고, 열 숫자가 모두
#    나오는지(모드 붕괴가 없는지)와 얼마나 확신하는지 봅니다.
# 2. **체커보드 강도**: 학습 전후 생성 이미지와 진짜 이미지(16×16, 가장자리 2픽셀 제외)를 비교합니다.

# %% [markdown] tags=["lang-en"]
# ### How digit-like? Measuring it
#
# Pictures are subjective; we measure two things.
#
# 1. **A digit classifier**: a softmax-regression classifier (one linear layer) trained on 1,000 real 8×8 digits,
#    with its accuracy and mean confidence (top class probability) on the other 797. The 500 generated images,
#    shrunk to 8×8, go through it: do all ten digits appear (no mode collapse), and how confident is it?
# 2. **Checkerboard strength** of the generated images before and after training and of real images (16×16,
#    leaving out a 2-pixel border).

# %% tags=["x86-digits"]
# x86-digits: trained classifier and generator (training magnifies kernel-dependent rounding)
features = torch.tensor(digits.data, dtype=torch.float32) / 16
labels = torch.tensor(digits.target)
torch.manual_seed(0)
classifier = nn.Linear(64, 10)
opt_c = torch.optim.Adam(classifier.parameters(), lr=0.05)
for _ in range(300):
    loss = F.cross_entropy(classifier(features[:1000]), labels[:1000])
    opt_c.zero_grad()
    loss.backward()
    opt_c.step()


def as_digits_8x8(images):
    return ((F.avg_pool2d(images, 2) + 1) / 2).reshape(len(images), 64)


with torch.no_grad():
    real_probabilities = classifier(features[1000:]).softmax(dim=1)
    probabilities = classifier(as_digits_8x8(after)).softmax(dim=1)
accuracy = (real_probabilities.argmax(dim=1) == labels[1000:]).float().mean().item()
print(message("outputs.accuracy_real", LANG), round(accuracy, 3))
print(message("outputs.confidence_real", LANG), round(real_probabilities.max(dim=1).values.mean().item(), 3))
print(message("outputs.confidence_generated", LANG), round(probabilities.max(dim=1).values.mean().item(), 3))
print(message("outputs.per_class", LANG), torch.bincount(probabilities.argmax(dim=1), minlength=10).tolist())
print()
print(" " * 12, message("outputs.checkerboard", LANG), "| pattern_rms")
for name, images in (("before", before), ("after", after), ("real[:500]", real[:500])):
    strength = checkerboard_strength(images, border=2)
    print(f"{name!r:12}", f"{strength:6.3f}", f"{strength_verdict(strength, LANG):4}", f"{pattern_rms(images, border=2):8.4f}")

# %% [markdown] tags=["lang-ko"]
# ### 이 예산이 허락하는 것
#
# - 몇 초(부하가 큰 컴퓨터에서는 수십 초)의 학습으로 생성자는 회색 잡음에서 벗어나 숫자 모양의 획을 그립니다.
#   분류기는 생성한 이미지에서 열 숫자를 모두 찾지만 그 수가 고르지 않고, 진짜 숫자보다 덜 확신합니다(흐릿하거나
#   두 숫자가 섞인 듯한 샘플이 한 가지 까닭일 수 있습니다).
# - 체커보드 강도는 학습 전 "뚜렷함"에서 진짜 이미지와 같은 "약함" 등급으로 내려가지만(진짜 이미지보다는 아직
#   셉니다), 무늬 RMS는 조금 줄었을 뿐입니다. 강도가 준 것은 주로 숫자의 획이라는 큰 변동이 생겨 무늬가 그 작은
#   몫이 되었기 때문이고, 무늬 자체가 사라진 것은 아닙니다. 진짜 이미지의 값도 0은 아닙니다. 작은 이미지로 한 번
#   실행한 결과일 뿐이며, Odena 외(2016)도 학습된 신경망이 이 무늬를 완전히 피하기 어렵다고 적었습니다.
# - 손실 값은 학습이 잘 되었는지 알려 주지 않습니다. 판별자 손실은 처음 100단계에 낮았다가 1.39 가까이 올라가고 다시
#   내려가는데, 그동안 샘플은 계속 나아집니다. 두 손실은 서로를 상대로 움직이므로, 위와 같은 별도의 측정이 필요합니다.
# - 원 논문은 원문 크기의 생성자를 큰 데이터셋(LSUN 침실 사진, 얼굴 사진, ImageNet-1k)으로 학습했습니다. 이 레슨은
#   그 학습을 재현하지 않고, 같은 구조가 실제로 학습된다는 것을 확인하는 데 그칩니다.

# %% [markdown] tags=["lang-en"]
# ### What this budget allows
#
# - Seconds of training (tens on a busy machine) take the generator from grey noise to digit-like strokes. The
#   classifier finds all ten digits among the generated images, though not evenly, and is less confident than on
#   real digits (blurry or mixed-looking samples may be one reason).
# - The checkerboard strength drops from "clear" to the real images' "weak" grade (still stronger than theirs), but
#   the pattern's RMS shrinks only a little. The strength fell mainly because the digits' strokes add a large
#   variation of which the pattern is now a small share; the pattern itself has not gone, and the real images do
#   not score 0 either. This is one run on small images; Odena et al. (2016), too, write that trained networks
#   struggle to avoid these patterns completely.
# - The losses do not tell whether training went well. The discriminator loss is low in the first 100 steps, climbs
#   towards 1.39 and falls again, while the samples keep improving: the two losses move against each other, so
#   only separate measurements like those above tell.
# - The paper trained full-size generators on large data sets (LSUN bedrooms, faces, ImageNet-1k); this lesson
#   only sees that the same architecture really trains.

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - 원문의 생성자는 `(4, 100)` 잡음을 `(4, 3, 64, 64)` 이미지로 만들고, 파라미터는 3,577,667개입니다. 층마다 출력
#   크기는 $O = (I-1)S - 2P + K$와 일치합니다.
# - 1×1 입력의 첫 층 `ConvTranspose2d(nz, C, 4, 1, 0)`은 `Linear(nz, C·16)` + 모양 바꾸기입니다(편향은 채널마다
#   하나를 위치끼리 공유).
# - 4/2/1은 크기를 정확히 두 배로 만들고 안쪽의 겹침 수를 균일하게 하며, 커널 5는 겹침이 불균일합니다. 어느 쪽이든
#   초기화된 가중치 때문에 학습 전부터 2×2 무늬가 있고, 스펙트럼에서는 점의 격자로 보입니다.
# - 줄인 DCGAN은 CPU에서 400단계 만에 숫자 모양을 그리기 시작합니다. 얼마나 잘 되었는지는 손실이 아니라 별도의
#   측정으로 판단합니다.
#
# **참고 문헌**
#
# - A. Radford, L. Metz, S. Chintala, *Unsupervised Representation Learning with Deep Convolutional Generative
#   Adversarial Networks*, 2015, [arXiv:1511.06434](https://arxiv.org/abs/1511.06434). 저자들의 코드:
#   [github.com/Newmu/dcgan_code](https://github.com/Newmu/dcgan_code).
# - A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill 2016,
#   [distill.pub/2016/deconv-checkerboard](https://distill.pub/2016/deconv-checkerboard/).
# - A. Aitken 외, *Checkerboard artifact free sub-pixel convolution*, 2017,
#   [arXiv:1707.02937](https://arxiv.org/abs/1707.02937) (ICNR 초기화).
# - scikit-learn, `sklearn.datasets.load_digits` (UCI 손글씨 숫자 데이터의 일부).

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - The document's generator turns `(4, 100)` noise into `(4, 3, 64, 64)` images with 3,577,667 parameters; each
#   layer's size agrees with $O = (I-1)S - 2P + K$.
# - The first layer on a 1×1 input, `ConvTranspose2d(nz, C, 4, 1, 0)`, is `Linear(nz, C·16)` + a reshape, with one
#   bias per channel.
# - 4/2/1 doubles the size exactly and evens out the interior overlap counts; kernel 5 overlaps unevenly. Either
#   way the initialized weights put a 2×2 pattern there before training, seen as a grid of dots in the spectrum.
# - A scaled-down DCGAN starts drawing digit shapes after 400 steps on a CPU. Judge it by separate measurements,
#   not by the losses.
#
# **References**
#
# - A. Radford, L. Metz, S. Chintala, *Unsupervised Representation Learning with Deep Convolutional Generative
#   Adversarial Networks*, 2015, [arXiv:1511.06434](https://arxiv.org/abs/1511.06434). The authors' code:
#   [github.com/Newmu/dcgan_code](https://github.com/Newmu/dcgan_code).
# - A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill 2016,
#   [distill.pub/2016/deconv-checkerboard](https://distill.pub/2016/deconv-checkerboard/).
# - A. Aitken et al., *Checkerboard artifact free sub-pixel convolution*, 2017,
#   [arXiv:1707.02937](https://arxiv.org/abs/1707.02937) (ICNR initialization).
# - scikit-learn, `sklearn.datasets.load_digits` (a copy of part of the UCI handwritten digits data).

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. 원문 생성자의 4/2/1 층은 8×8 특징 맵을 몇×몇으로 만들까요? 공식의 어느 항들이 정확히 두 배를 만드나요? (→ 1절)
# 2. 1×1 입력을 받는 `ConvTranspose2d(100, 512, 4, 1, 0)`은 어떤 선형 층과 같고, 두 층의 파라미터 수는 왜 다를까요? (→ 2절)
# 3. 가중치가 모두 1이면 4/2/1 층의 안쪽은 평평한데, 초기화된 가중치에서는 왜 2×2 무늬가 생길까요? 그 무늬는 스펙트럼의 어디에 점으로 나타날까요? (→ 3절)
# 4. GAN의 판별자 손실이 1.39 가까이 올라갔다면 학습이 잘된 것일까요? 대신 무엇을 재야 할까요? (→ 4절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. What size does a 4/2/1 layer of the document's generator give an 8×8 feature map, and which terms of the formula make it exactly double? (→ section 1)
# 2. Which linear layer equals `ConvTranspose2d(100, 512, 4, 1, 0)` on a 1×1 input, and why do their parameter counts differ? (→ section 2)
# 3. With all weights equal to 1 the interior of a 4/2/1 layer is flat; why do initialized weights make a 2×2 pattern, and where does it show up as dots in the spectrum? (→ section 3)
# 4. A GAN's discriminator loss has climbed to about 1.39. Did training go well? What would you measure instead? (→ section 4)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다.
#
# **1.** 원 논문의 그림 1처럼 4×4에서 채널이 1024개이면 첫 층은 `ConvTranspose2d(100, 1024, 4, 1, 0)`입니다. 이
# 층을 2절처럼 `Linear` 층과 모양 바꾸기로 쓰되 편향을 출력마다 따로 두면, 그 `Linear` 층의 파라미터는 몇 개일까요?
# 먼저 2절의 대응으로 예측한 뒤 확인하세요.

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once.
#
# **1.** With 1024 channels at 4×4, as in the paper's Figure 1, the first layer is `ConvTranspose2d(100, 1024, 4, 1, 0)`.
# Written as in section 2, as a `Linear` layer plus a reshape but with a separate bias for every output, how many
# parameters does that `Linear` layer have? Predict it from section 2's correspondence first, then check.

# %%
answer = ...
check("07.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = sum(p.numel() for p in nn.Linear(100, 1024 * 4 * 4, device="meta").parameters())
verify("07.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** 원래 DCGAN처럼 커널 5, 스트라이드 2, 패딩 2인 전치 합성곱에 4×4 입력을 넣되 `output_padding`을 주지
# 않으면 출력의 한 변은 얼마일까요?

# %% [markdown] tags=["lang-en"]
# **2.** A transposed convolution with kernel 5, stride 2 and padding 2, as in the original DCGAN, receives a
# 4×4 input without `output_padding`. What is the side of its output?

# %%
answer = ...
check("07.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = conv_transpose_output_size(4, kernel_size=5, stride=2, padding=2)
verify("07.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3.** 원문의 생성자는 4×4 뒤에 4/2/1 층 네 개로 64×64를 만듭니다. 이 네 층을 모두 커널 3, 스트라이드 2, 패딩 1
# (`output_padding` 없음)로 바꾸면 마지막 출력의 한 변은 몇 픽셀일까요? 먼저 공식으로 예측한 뒤 확인하세요.

# %% [markdown] tags=["lang-en"]
# **3.** After 4×4, the document's generator reaches 64×64 with four 4/2/1 layers. If all four used kernel 3,
# stride 2 and padding 1 instead (no `output_padding`), what would the side of the final output be? Predict it
# with the formula first, then check.

# %%
answer = ...
check("07.3", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
k3_layers = nn.Sequential(*[nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1) for _ in range(4)])
solution = k3_layers(torch.zeros(1, 1, 4, 4)).shape[-1]
verify("07.3", solution)

# %% [markdown] tags=["lang-ko"]
# **4. (워밍업)** 위에서 줄인 판별자 `small_discriminator()`의 두 번째 합성곱에도 편향이 있다면 파라미터는 모두 몇
# 개일까요?

# %% [markdown] tags=["lang-en"]
# **4. (warm-up)** If the second convolution of the scaled-down discriminator `small_discriminator()` above kept its
# bias, how many parameters would it have in all?

# %%
answer = ...
check("07.4", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
with_bias = small_discriminator()
with_bias[2] = nn.Conv2d(32, 64, 4, 2, 1)
solution = sum(p.numel() for p in with_bias.parameters())
verify("07.4", solution)

# %% [markdown] tags=["lang-ko"]
# **5. (코딩)** 1×1 잡음에서 원하는 크기의 이미지를 만드는 생성자를 써 봅시다. `generator(z_dim, channels, size)`는
# `(N, z_dim, 1, 1)` 잡음을 `(N, channels, size, size)`로 바꾸는 `nn.Module`을 돌려줍니다(`size`는 4, 8, 16, 32).
# 원문의 생성자처럼 첫 층이 1×1을 4×4로, 다음 층들이 한 변을 두 배로 만듭니다. 채점기는 모델을 평가 모드로 두고
# 출력 모양을 같은 설정의 `nn.ConvTranspose2d`로 계산한 모양과 비교합니다.
#
# 막히면 `hint("07.5", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **5. (coding)** Write a generator that turns 1×1 noise into an image of a chosen size.
# `generator(z_dim, channels, size)` returns an `nn.Module` that maps `(N, z_dim, 1, 1)` noise to
# `(N, channels, size, size)` (`size` is 4, 8, 16 or 32). As in the document's generator, the first layer takes 1×1
# to 4×4 and the following layers double the side. The checker puts the model in evaluation mode and compares the
# output shape with the one `nn.ConvTranspose2d` layers with these settings produce.
#
# Stuck? Run `hint("07.5", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def generator(z_dim, channels, size):
    ...


check_code("07.5", generator, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(z_dim, channels, size):
    widths = [8] * ((size // 4).bit_length() - 1) + [channels]
    layers = [nn.ConvTranspose2d(z_dim, widths[0], 4, 1, 0)]
    for a, b in zip(widths, widths[1:]):
        layers += [nn.BatchNorm2d(a), nn.ReLU(), nn.ConvTranspose2d(a, b, 4, 2, 1)]
    return nn.Sequential(*layers, nn.Tanh())


verify_code("07.5", solution)

# %% [markdown] tags=["lang-ko"]
# # 08. 딥러닝 속 연결고리와 복습
#
# 원문은 "딥러닝 연결고리" 표로 끝납니다. 업샘플링 방법마다 어디서 쓰이고 왜 중요한지를 적은 표입니다. 이
# 레슨은 그 표의 각 줄을 **실행되는 블록**으로 뒷받침하고, 논문의 크기와 파라미터 수를 코드로 확인합니다. 이어서
# 원문의 관련 콘텐츠를 이 코스 안의 레슨과 논문으로 잇고, 코스 전체를 퀴즈, 공식과 결정 요약, 용어집으로 정리합니다.

# %% [markdown] tags=["lang-en"]
# # 08. Connections and review
#
# The source document ends with a "connections" table: for each upsampling method, where it is used and why
# it matters. This lesson backs every row of that table with a **block that runs**, checking the papers'
# sizes and parameter counts in code. Then it links the document's related content to lessons of this course
# and to the papers, and reviews the whole course with a quiz, a summary of formulas and decisions, and the
# glossary.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** U-Net, DCGAN, Stable Diffusion, ESPCN이 각각 어떤 업샘플링 블록으로 크기를 키우는지 논문의 크기 그대로 실행해(큰 모델은 `meta` 장치에서) 확인하고, 픽셀 셔플이 먼저 키우는 방식보다 연산이 적은 이유를 계산으로 보이고, 분할·생성·초해상도에 알맞은 업샘플링 방법을 고를 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** run at the papers' sizes (the big models on the `meta` device) and check which upsampling block U-Net, DCGAN, Stable Diffusion and ESPCN each use to grow their maps, show by counting why a pixel shuffle costs fewer operations than enlarging first, and choose an upsampler for segmentation, generation and super-resolution.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 복습 레슨입니다. 3절의 퀴즈는 수업을 마무리하는 활동으로 쓰기 좋습니다. 정답은 맨 끝의 퀴즈 정답 절에
# 있으니, 학습자가 푸는 동안 화면에 그 절이 보이지 않게 하세요.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** A review lesson. The quiz of section 3 makes a good closing activity. The answers are in the
# quiz answers section at the very end, so keep that section off the screen while the class answers.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import math
import random

import torch
from IPython.display import Markdown
from torch import nn
from torch.nn import functional as F
from torch.utils.flop_counter import FlopCounterMode

from course_utils import glossary
from course_utils.arithmetic import conv_output_size, conv_transpose_output_size, output_size_range
from course_utils.claims import claim
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.notebook import setup
from course_utils.review import QUESTIONS
from course_utils.summary import layer_rows
from course_utils.widgets import Quiz

torch.set_grad_enabled(False)
setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 원문의 표
#
# | 개념 | 어디서 쓰이나 | 왜 중요한가 |
# |------|-------------|------------|
# | 전치 합성곱 ×2 | U-Net | 디코더에서 해상도 복원 |
# | 전치 합성곱 연쇄 | GAN 생성자 | 잡음 → 이미지 생성 |
# | 업샘플링 + 합성곱 | Stable Diffusion | 아티팩트 없는 업샘플링 |
# | 픽셀 셔플 | 초해상도 (ESPCN) | 효율적 고해상도화 |
#
# 논문 크기의 모델은 CPU에서 실행하기에 큽니다. 그래서 PyTorch의 `meta` 장치를 씁니다. `meta` 텐서에는 값이 없고
# 모양만 있으므로, 모듈의 `forward` 코드를 그대로 실행하면서도 계산과 메모리가 들지 않습니다. 파라미터 수도 셀 수
# 있습니다. 먼저 `meta`와 CPU가 같은 모양을 내는지 작은 블록으로 확인합니다.

# %% [markdown] tags=["lang-en"]
# ## 1. The document's table
#
# | Concept | Where it is used | Why it matters |
# |------|-------------|------------|
# | Transposed convolution ×2 | U-Net | Restores the resolution in the decoder |
# | Chained transposed convolutions | GAN generator | Noise → image |
# | Upsample + convolution | Stable Diffusion | Upsampling without artifacts |
# | Pixel shuffle | Super-resolution (ESPCN) | Efficient resolution increase |
#
# Models of the papers' sizes are big for a CPU, so we use PyTorch's `meta` device. A `meta` tensor has a
# shape but no values: the module's `forward` code runs as written, with no computation and no memory, and
# the parameters can still be counted. First we check on a small block that `meta` and the CPU give the same
# shapes.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 표의 모든 줄은 실행되는 블록이 뒷받침합니다. 원문과 다른 점을 꼭 말하세요. 원문의
# `UpsampleConv`는 쌍선형 보간을 쓰지만 Stable Diffusion의 디코더는 최근접 이웃 보간 + 합성곱으로
# 키우고, "아티팩트 없는 업샘플링"은 다소 과장된 표현입니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** Every row of the table is backed by a block that runs. Mention where the document differs:
# its `UpsampleConv` uses bilinear interpolation, but Stable Diffusion's decoder upsamples with nearest-neighbour
# interpolation + convolution; and "upsampling without artifacts" overstates it.

# %%
def check_on_meta(make_block, x):
    """Run a block on the CPU and on the meta device; return both output shapes."""
    cpu = make_block()(x)
    with torch.device("meta"):
        meta = make_block()(torch.empty(x.shape))
    return tuple(cpu.shape), tuple(meta.shape), meta.device.type


print(check_on_meta(lambda: nn.ConvTranspose2d(8, 4, 4, stride=2, padding=1), torch.randn(1, 8, 5, 5)))

# %% [markdown] tags=["lang-ko"]
# ### U-Net: 원 논문의 크기 그대로 (Ronneberger 외 2015)
#
# 원 논문의 U-Net은 패딩 없는 3×3 합성곱을 쓰므로 합성곱마다 2픽셀씩 줄고, 디코더의 "up-convolution"(2×2 전치
# 합성곱, 채널 절반) 뒤에 인코더 특징 맵을 가운데에서 잘라 이어 붙입니다. 논문의 그림 1은 572×572 입력에서
# 388×388 출력(클래스 2개)을 보여 줍니다. 그 구조를 그대로 짜서 확인합니다.

# %% [markdown] tags=["lang-en"]
# ### U-Net at the paper's size (Ronneberger et al. 2015)
#
# The original U-Net uses unpadded 3×3 convolutions, so each convolution loses 2 pixels, and after each
# "up-convolution" (a 2×2 transposed convolution that halves the channels) the encoder feature map is cropped
# at the centre and concatenated. The paper's Figure 1 goes from a 572×572 input to a 388×388 output (2
# classes). We build that structure as described and check.

# %%
def double_conv(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3), nn.ReLU(inplace=True),
                         nn.Conv2d(c_out, c_out, 3), nn.ReLU(inplace=True))


def center_crop(skip, size):
    top, left = (skip.shape[-2] - size[0]) // 2, (skip.shape[-1] - size[1]) // 2
    return skip[..., top:top + size[0], left:left + size[1]]


class OriginalUNet(nn.Module):
    def __init__(self, widths=(64, 128, 256, 512, 1024), classes=2):
        super().__init__()
        self.down = nn.ModuleList(double_conv(a, b) for a, b in zip((1,) + widths[:-1], widths))
        pairs = list(zip(widths[:0:-1], widths[-2::-1]))
        self.up = nn.ModuleList(nn.ConvTranspose2d(big, small, 2, stride=2) for big, small in pairs)
        self.dec = nn.ModuleList(double_conv(big, small) for big, small in pairs)
        self.head = nn.Conv2d(widths[0], classes, 1)

    def forward(self, x):
        skips = []
        for level, block in enumerate(self.down):
            x = block(x if level == 0 else F.max_pool2d(x, 2))
            skips.append(x)
        x = skips.pop()
        for up, dec in zip(self.up, self.dec):
            x = up(x)
            x = dec(torch.cat([center_crop(skips.pop(), x.shape[-2:]), x], dim=1))
        return self.head(x)


with torch.device("meta"):
    unet = OriginalUNet()
    image = torch.empty(1, 1, 572, 572)
print("image:      ", tuple(image.shape))
print("unet(image):", tuple(unet(image).shape))
print("parameters:", f"{sum(p.numel() for p in unet.parameters()):,}")
for row in layer_rows(unet, image):
    if row.name.startswith("up.") or row.name in ("down.4.3",):
        print(f"{row.name:9}", row.kind, row.output_shape)

# %% [markdown] tags=["lang-ko"]
# 572 → 388과 업 합성곱마다 28 → 56, 52 → 104, 100 → 200, 196 → 392로 두 배가 되는 것이 논문의 그림과 같습니다.
# 파라미터는 약 3,100만 개입니다. 레슨 06의 디코더 블록은 여기에 패딩(`padding=1`)과 배치 정규화를 더한 요즘
# 방식이고, 그 덕에 잘라내기 없이 입력과 같은 크기를 냅니다.

# %% [markdown] tags=["lang-en"]
# 572 → 388, and each up-convolution doubles 28 → 56, 52 → 104, 100 → 200, 196 → 392, as in the paper's
# figure. There are about 31 million parameters. Lesson 06's decoder block is the modern version with padding
# (`padding=1`) and batch normalization, which keeps the input's size without any cropping.

# %% [markdown] tags=["lang-ko"]
# ### GAN 생성자: DCGAN 저자들의 코드 그대로 (Radford 외 2015)
#
# 저자들의 코드(Newmu/dcgan_code의 얼굴 모델)는 100차원 잠재 벡터를 행렬 곱으로 1024×4×4로 펴고(레슨 07의 "첫 층은
# 선형 층"), 커널 5, 스트라이드 2로 네 번 키웁니다. 편향 대신 배치 정규화의 β를 씁니다. PyTorch로 옮기면
# `ConvTranspose2d(k=5, s=2, p=2, output_padding=1)`입니다.

# %% [markdown] tags=["lang-en"]
# ### GAN generator as in the DCGAN authors' code (Radford et al. 2015)
#
# The authors' code (the faces model of Newmu/dcgan_code) spreads the 100 latent numbers to 1024×4×4 with a
# matrix product (lesson 07: "the first layer is a linear layer"), then grows the map four times with kernel
# 5 and stride 2, with batch normalization's β in place of biases. In PyTorch that is
# `ConvTranspose2d(k=5, s=2, p=2, output_padding=1)`.

# %%
class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.view(x.shape[0], *self.shape)


def dcgan_up(c_in, c_out):
    return nn.ConvTranspose2d(c_in, c_out, 5, stride=2, padding=2, output_padding=1, bias=False)


with torch.device("meta"):
    dcgan = nn.Sequential(
        nn.Linear(100, 1024 * 4 * 4, bias=False), nn.BatchNorm1d(1024 * 4 * 4), nn.ReLU(), Reshape(1024, 4, 4),
        dcgan_up(1024, 512), nn.BatchNorm2d(512), nn.ReLU(),
        dcgan_up(512, 256), nn.BatchNorm2d(256), nn.ReLU(),
        dcgan_up(256, 128), nn.BatchNorm2d(128), nn.ReLU(),
        dcgan_up(128, 3), nn.Tanh(),
    )
    z = torch.empty(16, 100)
for row in layer_rows(dcgan, z):
    if row.kind in ("Reshape", "ConvTranspose2d", "Tanh"):
        print(f"{row.name:3}", f"{row.kind:16}", row.output_shape)
print("parameters:", f"{sum(p.numel() for p in dcgan.parameters()):,}")
print("conv_transpose_output_size(4, 5, 2, 2, output_padding=1):", conv_transpose_output_size(4, 5, 2, 2, output_padding=1))

# %% [markdown] tags=["lang-ko"]
# 100 → 1024×4×4 → 512×8×8 → 256×16×16 → 128×32×32 → 3×64×64로 논문 그림 1과 같습니다. 원문의 생성자는 채널을
# 절반으로 줄이고(512에서 시작) 커널을 4/2/1로 바꾼 간략화판입니다.

# %% [markdown] tags=["lang-en"]
# 100 → 1024×4×4 → 512×8×8 → 256×16×16 → 128×32×32 → 3×64×64, as in the paper's Figure 1. The document's
# generator is a simplified version with half the channels (starting from 512) and 4/2/1 kernels.

# %% [markdown] tags=["lang-ko"]
# ### Stable Diffusion: 최근접 이웃 ×2 + 3×3 합성곱 (Rombach 외 2022)
#
# Stable Diffusion은 64×64×4 잠재 공간에서 이미지를 만들고, VAE 디코더가 그것을 512×512×3 이미지로 키웁니다.
# 디코더의 업샘플링 블록은 전치 합성곱이 아니라 **최근접 이웃 보간 ×2 뒤 3×3 합성곱**입니다(CompVis/stable-diffusion의
# `ldm/modules/diffusionmodules/model.py`의 `Upsample`). 원문의 `UpsampleConv`는 쌍선형 보간을 쓰지만, Stable
# Diffusion은 최근접 이웃을 씁니다. v1 설정(`ch=128, ch_mult=(1, 2, 4, 4)`)에서 디코더는 이 블록을 세 번 씁니다.
# 블록 사이의 ResNet·어텐션 블록은 빼고, 세 업샘플링 블록만 크기대로 실행합니다.

# %% [markdown] tags=["lang-en"]
# ### Stable Diffusion: nearest ×2 + 3×3 convolution (Rombach et al. 2022)
#
# Stable Diffusion generates in a 64×64×4 latent space, and its VAE decoder grows that to a 512×512×3 image.
# The decoder's upsampling block is not a transposed convolution but **nearest-neighbour ×2 followed by a 3×3
# convolution** (`Upsample` in `ldm/modules/diffusionmodules/model.py` of CompVis/stable-diffusion). The
# document's `UpsampleConv` uses bilinear interpolation; Stable Diffusion uses nearest neighbour. With the v1
# settings (`ch=128, ch_mult=(1, 2, 4, 4)`) the decoder uses this block three times. Leaving out the ResNet
# and attention blocks between them, we run the three upsampling blocks at their real sizes.

# %%
class Upsample(nn.Module):
    """Stable Diffusion's upsampling block: nearest-neighbour ×2, then a 3×3 convolution."""

    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x):
        return self.conv(F.interpolate(x, scale_factor=2.0, mode="nearest"))


with torch.device("meta"):
    for channels, size in ((512, 64), (512, 128), (256, 256)):
        block = Upsample(channels)
        x = torch.empty(1, channels, size, size)
        count = sum(p.numel() for p in block.parameters())
        print(tuple(x.shape), "→", tuple(block(x).shape), " parameters:", f"{count:,}")
print("log2(512 // 64):", int(math.log2(512 // 64)))

# %% [markdown] tags=["lang-ko"]
# ### 초해상도: ESPCN의 픽셀 셔플 (Shi 외 2016a)
#
# ESPCN은 모든 합성곱을 **저해상도**에서 하고, 마지막 합성곱이 배율 r에 대해 r²·C 채널을 낸 뒤 픽셀 셔플이 그 채널을
# r×r 블록으로 펼칩니다. 논문의 설정은 5×5 합성곱 64채널, 3×3 합성곱 32채널, 3×3 합성곱 r²채널(휘도 채널 하나),
# 중간 활성화는 tanh입니다. ×3을 실제 CPU 텐서로 실행하고, 같은 합성곱들을 먼저 쌍삼차 보간으로 키운 192×192
# 이미지에서 실행하는 방식(ESPCN 이전의 SRCNN(Dong 외 2016)이 이렇게 했습니다)과 연산량을 견줍니다. 연산량은
# `FlopCounterMode`가 텐서 모양에서 공식으로 셉니다.

# %% [markdown] tags=["lang-en"]
# ### Super-resolution: ESPCN's pixel shuffle (Shi et al. 2016a)
#
# ESPCN does every convolution at **low resolution**; the last convolution outputs r²·C channels for a scale
# factor r, and the pixel shuffle spreads those channels into r×r blocks. The paper's setting is a 5×5
# convolution with 64 channels, a 3×3 convolution with 32, a 3×3 convolution with r² channels (one luminance
# channel), and tanh in between. We run ×3 on real CPU tensors and compare its operation count with the same
# convolutions run on a 192×192 image enlarged by bicubic interpolation first (as SRCNN (Dong et al. 2016), before ESPCN, did).
# `FlopCounterMode` counts the operations from the tensors' shapes by formula.

# %%
def espcn(r, channels=1):
    return nn.Sequential(
        nn.Conv2d(channels, 64, 5, padding=2), nn.Tanh(),
        nn.Conv2d(64, 32, 3, padding=1), nn.Tanh(),
        nn.Conv2d(32, channels * r * r, 3, padding=1),
        nn.PixelShuffle(r),
    )


model = espcn(3)
low = torch.rand(1, 1, 64, 64)
for row in layer_rows(model, low):
    if row.kind in ("Conv2d", "PixelShuffle"):
        print(f"{row.name}", f"{row.kind:13}", row.output_shape)
print("parameters:", f"{sum(p.numel() for p in model.parameters()):,}")

upscale_first = nn.Sequential(
    nn.Upsample(scale_factor=3, mode="bicubic", align_corners=False),
    nn.Conv2d(1, 64, 5, padding=2), nn.Tanh(),
    nn.Conv2d(64, 32, 3, padding=1), nn.Tanh(),
    nn.Conv2d(32, 1, 3, padding=1),
)
flops = {}
for name, net in (("model", model), ("upscale_first", upscale_first)):
    with FlopCounterMode(display=False) as counter:
        claim(f"{name}(low).shape == (1, 1, 192, 192)", tuple(net(low).shape) == (1, 1, 192, 192))
    flops[name] = counter.get_total_flops()
print("flops:", {name: f"{value:,}" for name, value in flops.items()})
print('flops["upscale_first"] / flops["model"]:', round(flops["upscale_first"] / flops["model"], 2))

# %% [markdown] tags=["lang-ko"]
# 64×64 → 192×192. 무거운 합성곱은 모두 64×64에서 일어나고, 마지막에 채널 9개가 3×3 블록으로 펼쳐집니다. 먼저
# 192×192로 키운 뒤 같은 합성곱을 하면 연산량이 약 8배입니다. 마지막 층만 채널이 9개에서 1개로 줄 뿐 모든 합성곱이
# 9배 많은 픽셀에서 일어나기 때문입니다. "효율적"이라는 말은 이렇게 먼저 키우는 방식과 견준 것입니다. 전치 합성곱과
# 견준 것은 아닙니다. 전치 합성곱도 입력 픽셀마다 계산하고(레슨 02), 스트라이드 r인 마지막 전치 합성곱은 픽셀 셔플의
# 특수한 경우입니다(레슨 05). 픽셀 셔플도 학습 전에는 체커보드를 만들 수 있고, ICNR 초기화(Aitken 외 2017)가 이를
# 막습니다(레슨 04, 05).

# %% [markdown] tags=["lang-en"]
# 64×64 → 192×192. All the heavy convolutions happen at 64×64, and at the end 9 channels are spread into 3×3
# blocks. Enlarging to 192×192 first and then running the same convolutions costs about 8 times as many
# operations: every convolution runs on 9 times as many pixels, and only the last one shrinks from 9 output
# channels to 1. "Efficient" is meant against such enlarge-first pipelines, not against a transposed
# convolution, which also computes per input pixel (lesson 02); a final stride-r transposed convolution is a
# special case of the pixel shuffle (lesson 05). Pixel shuffle can also make checkerboards before training,
# which ICNR initialization (Aitken et al. 2017) prevents (lessons 04 and 05).

# %% [markdown] tags=["lang-ko"]
# ### 확인한 표
#
# | 개념 | 어디서 쓰이나 | 이 레슨의 블록 | 더 보기 |
# |---|---|---|---|
# | 전치 합성곱 ×2 (k2 s2, 채널 절반) | U-Net 디코더 | 원 논문 U-Net, 572 → 388 | [06. U-Net 디코더](06_unet_decoder.ipynb) |
# | 전치 합성곱 연쇄 | DCGAN 생성자 | 저자 코드의 생성자, 100 → 3×64×64 | [07. DCGAN 생성자](07_dcgan_generator.ipynb) |
# | 최근접 이웃 ×2 + 3×3 합성곱 | Stable Diffusion VAE 디코더 | `Upsample` 블록 세 개, 64 → 512 | [04. 체커보드](04_checkerboard.ipynb), [05. 세 방법 비교](05_three_methods.ipynb) |
# | 픽셀 셔플 | ESPCN 초해상도 | ESPCN ×3, 64 → 192 | [05. 세 방법 비교](05_three_methods.ipynb) |
#
# 원문의 "아티팩트 없는 업샘플링"은 다소 과장된 표현입니다. 레슨 07에서 최근접 이웃 + 합성곱 생성자의 체커보드
# 강도는 0이 아니라 "약함"이었습니다. 다만 평평한 입력에 대해서는 모든 위상이 같은 값을 내므로, 전치 합성곱처럼
# 평평한 입력에서 2×2 무늬를 만들지는 않습니다. 밝기가 고르게 변하는 입력(램프)에서는 주기 2의 계단이 남을 수
# 있습니다(레슨 04의 7절, 레슨 10).

# %% [markdown] tags=["lang-en"]
# ### The table, checked
#
# | Concept | Where it is used | Block in this lesson | More |
# |---|---|---|---|
# | Transposed convolution ×2 (k2 s2, half the channels) | U-Net decoder | the paper's U-Net, 572 → 388 | [06. U-Net decoder](06_unet_decoder.ipynb) |
# | Chained transposed convolutions | DCGAN generator | the authors' generator, 100 → 3×64×64 | [07. DCGAN generator](07_dcgan_generator.ipynb) |
# | Nearest ×2 + 3×3 convolution | Stable Diffusion's VAE decoder | three `Upsample` blocks, 64 → 512 | [04. Checkerboard](04_checkerboard.ipynb), [05. Three methods](05_three_methods.ipynb) |
# | Pixel shuffle | ESPCN super-resolution | ESPCN ×3, 64 → 192 | [05. Three methods](05_three_methods.ipynb) |
#
# The document's "upsampling without artifacts" overstates it. In lesson 07 the checkerboard strength of
# the nearest + convolution generator was "weak", not zero. On a flat input, though, every phase gives the
# same value, so unlike a transposed convolution it creates no 2×2 pattern on a flat input. On an input
# whose brightness changes steadily (a ramp) it can leave period-2 steps (lesson 04 §7, lesson 10).

# %% [markdown] tags=["lang-ko"]
# ## 2. 관련 콘텐츠: 이 코스 안에서 이어 읽기
#
# 원문이 가리키는 다른 페이지들은 이 코스에 없으므로, 같은 내용을 다루는 레슨과 원 논문으로 잇습니다.
#
# - **Conv2D** — 전치 합성곱의 정방향 연산: [00. 코스 안내](00_course_map.ipynb)의 합성곱 복습,
#   [02. 동작 원리](02_how_it_works.ipynb)의 합성곱 행렬과 그 전치.
# - **풀링** — 반대 방향의 다운샘플링: [01. 왜 업샘플링이 필요한가](01_why_upsampling.ipynb)(풀링으로는 키울 수 없다),
#   [06. U-Net 디코더](06_unet_decoder.ipynb)(홀수 크기를 풀링하면 생기는 일).
# - **U-Net** — 전치 합성곱의 대표적 사용처: [06. U-Net 디코더](06_unet_decoder.ipynb);
#   O. Ronneberger 외, [arXiv:1505.04597](https://arxiv.org/abs/1505.04597).
# - **GAN** — 생성자에서 이미지 업샘플링: [07. DCGAN 생성자](07_dcgan_generator.ipynb);
#   I. Goodfellow 외, *Generative Adversarial Nets*, 2014, [arXiv:1406.2661](https://arxiv.org/abs/1406.2661);
#   A. Radford 외, [arXiv:1511.06434](https://arxiv.org/abs/1511.06434).
# - 출력 크기와 `output_padding`은 [03. 출력 크기 계산](03_output_size.ipynb), 체커보드는
#   [04. 체커보드 아티팩트](04_checkerboard.ipynb), 세 방법의 비용은 [05. 세 방법 비교](05_three_methods.ipynb)에 있습니다.

# %% [markdown] tags=["lang-en"]
# ## 2. Related content: reading on inside this course
#
# The other pages the document points to are not part of this course, so here are the lessons that cover the
# same ground, and the original papers.
#
# - **Conv2D**, the forward operation of a transposed convolution: the convolution review in
#   [00. Course map](00_course_map.ipynb), and the convolution matrix and its transpose in
#   [02. How it works](02_how_it_works.ipynb).
# - **Pooling**, downsampling in the opposite direction: [01. Why upsampling?](01_why_upsampling.ipynb) (pooling
#   cannot grow a map) and [06. U-Net decoder](06_unet_decoder.ipynb) (what pooling an odd size does).
# - **U-Net**, the best-known user of transposed convolutions: [06. U-Net decoder](06_unet_decoder.ipynb);
#   O. Ronneberger et al., [arXiv:1505.04597](https://arxiv.org/abs/1505.04597).
# - **GAN**, upsampling images in the generator: [07. DCGAN generator](07_dcgan_generator.ipynb);
#   I. Goodfellow et al., *Generative Adversarial Nets*, 2014, [arXiv:1406.2661](https://arxiv.org/abs/1406.2661);
#   A. Radford et al., [arXiv:1511.06434](https://arxiv.org/abs/1511.06434).
# - Output sizes and `output_padding` are in [03. Output size](03_output_size.ipynb), checkerboards in
#   [04. Checkerboard artifacts](04_checkerboard.ipynb), and the cost of the three methods in
#   [05. The three methods compared](05_three_methods.ipynb).

# %% [markdown] tags=["lang-ko"]
# ## 3. 코스 복습 퀴즈
#
# 레슨 01~07에서 한 문제 이상씩, 모두 아홉 문제입니다. 답을 고르면 바로 채점되고, 틀리면 힌트가, 맞으면 설명이
# 나옵니다. 정답은 문제마다 코드를 실행해 정합니다(`course_utils/review.py`). 위젯이 움직이지 않는 곳(슬라이드, HTML)에서는
# 위젯 자리에 같은 결과가 글로 나옵니다. 코드로 답하려면 `quiz.controls["q1"].value = 1`처럼 고를 보기의
# 번호(0부터)를 넣습니다. 정답과 설명은 이 노트북 맨 끝에 있습니다.

# %% [markdown] tags=["lang-en"]
# ## 3. Course review quiz
#
# Nine questions, at least one from each of lessons 01 to 07. Picking an answer checks it at once: a hint when
# it is wrong, an explanation when it is right. Each right answer is decided by running code
# (`course_utils/review.py`). Where widgets do not run (slides, HTML), the same result appears as text in the
# widget's place. To answer in code, set the number of a choice (from 0), e.g. `quiz.controls["q1"].value = 1`.
# The answers and explanations are at the very end of this notebook.

# %%
quiz = Quiz(QUESTIONS, LANG)
quiz

# %% [markdown] tags=["lang-ko"]
# ## 4. 한 장 요약: 공식과 결정
#
# **공식** (I 입력, K 커널, S 스트라이드, P 패딩, D 팽창, $P_{out}$ 출력 패딩)
#
# | 무엇 | 공식 | 레슨 |
# |---|---|---|
# | 합성곱 출력 | $O = \lfloor (I + 2P - D(K-1) - 1)/S \rfloor + 1$ | 00, 03 |
# | 전치 합성곱 출력 | $O = (I-1)S - 2P + D(K-1) + P_{out} + 1$ | 03 |
# | `output_padding` 규칙 | $P_{out} < S$ 또는 $P_{out} < D$ | 03 |
# | `forward(x, output_size=)` | $O_{min} \le O \le O_{min} + S - 1$ | 03, 06 |
# | 정확히 ×2 | (K, S, P) = (4, 2, 1) 또는 (2, 2, 0); (3, 2, 1)은 $P_{out}=1$ | 03, 07 |
# | 파라미터 (전치 합성곱, 합성곱) | $C_{in} C_{out} K^2 + C_{out}$ | 05, 06 |
# | 픽셀 셔플 앞 합성곱 | $C_{in} \cdot r^2 C_{out} \cdot K^2 + r^2 C_{out}$ | 05, 08 |
# | 안쪽 겹침이 균일함 | $S$가 $K$를 나눔 (2-D 불균일 비율은 1-D의 제곱) | 04, 07 |
# | 1×1 입력의 첫 층 | `ConvTranspose2d(n, C, K, 1, 0)` = `Linear(n, C·K²)` + 모양 바꾸기 | 07 |
#
# **결정**
#
# - **분할 디코더**: k2 s2 전치 합성곱과 업샘플링 + 합성곱 모두 잘 작동합니다. 뒤따르는 합성곱과 스킵 연결이
#   세밀한 정보를 채웁니다. 레슨 06의 작은 예산에서는 전치 합성곱 쪽이 조금 더 빨리 배웠습니다(06).
# - **생성자**: 출력 픽셀을 직접 만들므로 체커보드가 잘 보입니다. 4/2/1은 겹침만 균일하게 할 뿐 초기화 무늬는 남습니다.
#   최근접 이웃 + 합성곱은 평평한 영역에 무늬를 만들지 않고, 쌍선형 보간 + 합성곱은 램프에 남는
#   계단까지 피합니다(04, 07, 10).
# - **초해상도**: 저해상도에서 계산하는 픽셀 셔플이 효율적이고, ICNR 초기화와 함께 씁니다(04, 05).
# - **크기**: 입력을 $2^{\text{단계 수}}$의 배수로 맞추고, 홀수 크기가 남으면 `output_size=skip.shape[-2:]`를 씁니다.
#   앞쪽 패딩은 오류 없이 줄을 어긋나게 합니다(06).
# - **편향**: 배치 정규화 바로 앞 층은 `bias=False`(06, 07).
# - **측정**: 모양은 `meta` 장치로, 파라미터는 공식으로, 품질은 손실이 아닌 별도의 측정으로 확인합니다(06, 07, 08).

# %% [markdown] tags=["lang-en"]
# ## 4. One-page summary: formulas and decisions
#
# **Formulas** (I input, K kernel, S stride, P padding, D dilation, $P_{out}$ output padding)
#
# | What | Formula | Lessons |
# |---|---|---|
# | Convolution output | $O = \lfloor (I + 2P - D(K-1) - 1)/S \rfloor + 1$ | 00, 03 |
# | Transposed convolution output | $O = (I-1)S - 2P + D(K-1) + P_{out} + 1$ | 03 |
# | `output_padding` rule | $P_{out} < S$ or $P_{out} < D$ | 03 |
# | `forward(x, output_size=)` | $O_{min} \le O \le O_{min} + S - 1$ | 03, 06 |
# | Exactly ×2 | (K, S, P) = (4, 2, 1) or (2, 2, 0); (3, 2, 1) with $P_{out}=1$ | 03, 07 |
# | Parameters (transposed conv, conv) | $C_{in} C_{out} K^2 + C_{out}$ | 05, 06 |
# | Convolution before a pixel shuffle | $C_{in} \cdot r^2 C_{out} \cdot K^2 + r^2 C_{out}$ | 05, 08 |
# | Even interior overlap | $S$ divides $K$ (the 2-D unevenness ratio is the 1-D ratio squared) | 04, 07 |
# | First layer on a 1×1 input | `ConvTranspose2d(n, C, K, 1, 0)` = `Linear(n, C·K²)` + a reshape | 07 |
#
# **Decisions**
#
# - **Segmentation decoders**: a k2 s2 transposed convolution and upsample + convolution both work well; the
#   convolutions and skip connections that follow supply the fine detail. On lesson 06's small budget the
#   transposed convolution learned a little faster (06).
# - **Generators** produce the output pixels directly, so checkerboards show. 4/2/1 only evens out the
#   overlap; the pattern from initialization stays. Nearest neighbour + convolution makes no pattern on flat
#   regions, and bilinear interpolation + convolution also avoids the staircase on a ramp (04, 07, 10).
# - **Super-resolution**: pixel shuffle, computed at low resolution, is efficient; use it with ICNR
#   initialization (04, 05).
# - **Sizes**: make the input a multiple of $2^{\text{levels}}$; if an odd size remains, use
#   `output_size=skip.shape[-2:]`. Padding at the start misaligns rows without any error (06).
# - **Biases**: `bias=False` on a layer right before batch normalization (06, 07).
# - **Measuring**: shapes with the `meta` device, parameters with formulas, quality with a separate
#   measurement rather than the loss (06, 07, 08).

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 심화: 표의 공식을 PyTorch와 대조하기
#
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다. 아래 셀이 위 표의 공식을 무작위 설정 200개에서 PyTorch와
# 대조합니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### Deep dive: checking the table's formulas against PyTorch
#
# You can skip it; nothing later depends on it. The next cell checks the table's formulas against PyTorch on 200
# random settings.

# %% tags=["deep-dive"]
rng = random.Random(0)
checked = {"conv": 0, "conv_transpose": 0, "output_size_range": 0, "parameters": 0}
ok = True
for _ in range(200):
    i, k, s, p, d = rng.randint(1, 12), rng.randint(1, 5), rng.randint(1, 3), rng.randint(0, 2), rng.randint(1, 2)
    if d * (k - 1) + 1 <= i + 2 * p:
        ok &= F.conv2d(torch.zeros(1, 1, i, i), torch.zeros(1, 1, k, k), stride=s, padding=p,
                       dilation=d).shape[-1] == conv_output_size(i, k, s, p, d)
        checked["conv"] += 1
    op = rng.randint(0, max(s, d) - 1)
    if (i - 1) * s - 2 * p + d * (k - 1) + op + 1 >= 1:
        layer = nn.ConvTranspose2d(1, 1, k, s, p, op, dilation=d)
        ok &= layer(torch.zeros(1, 1, i, i)).shape[-1] == conv_transpose_output_size(i, k, s, p, op, d)
        checked["conv_transpose"] += 1
        sizes = output_size_range(i, k, s, p, d)
        ok &= all(layer(torch.zeros(1, 1, i, i), output_size=(o, o)).shape[-1] == o for o in sizes)
        checked["output_size_range"] += 1
    c_in, c_out, factor = rng.randint(1, 8), rng.randint(1, 8), rng.randint(1, 3)
    ok &= sum(q.numel() for q in nn.ConvTranspose2d(c_in, c_out, k).parameters()) == c_in * c_out * k * k + c_out
    shuffled = factor * factor * c_out
    before_shuffle = nn.Conv2d(c_in, shuffled, k)
    ok &= sum(q.numel() for q in before_shuffle.parameters()) == c_in * shuffled * k * k + shuffled
    checked["parameters"] += 2
print(checked)
claim("ok", bool(ok))

# %% [markdown] tags=["lang-ko"]
# ## 5. 용어집
#
# 코스 전체에서 쓰는 한국어·영어 용어입니다. 한 개념에 한 용어만 씁니다. 용어마다 피해야 할 표기(낱말이나 구)를
# 적어 두었고, 한국어 본문에 그런 표기가 있으면 빌드 검사가 막습니다.

# %% [markdown] tags=["lang-en"]
# ## 5. Glossary
#
# The Korean and English terms used across the course: one term per concept. Each term lists the spellings to
# avoid (words or phrases), and the build check rejects Korean prose that uses one of them.

# %%
Markdown(glossary.markdown_table(LANG))

# %% [markdown] tags=["lang-ko"]
# ## 참고 문헌
#
# - O. Ronneberger, P. Fischer, T. Brox, *U-Net: Convolutional Networks for Biomedical Image Segmentation*,
#   MICCAI 2015, [arXiv:1505.04597](https://arxiv.org/abs/1505.04597).
# - A. Radford, L. Metz, S. Chintala, *Unsupervised Representation Learning with Deep Convolutional Generative
#   Adversarial Networks*, 2015, [arXiv:1511.06434](https://arxiv.org/abs/1511.06434);
#   코드 [github.com/Newmu/dcgan_code](https://github.com/Newmu/dcgan_code).
# - R. Rombach, A. Blattmann, D. Lorenz, P. Esser, B. Ommer, *High-Resolution Image Synthesis with Latent
#   Diffusion Models*, CVPR 2022, [arXiv:2112.10752](https://arxiv.org/abs/2112.10752);
#   코드 [github.com/CompVis/stable-diffusion](https://github.com/CompVis/stable-diffusion).
# - W. Shi 외, *Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional
#   Neural Network*, CVPR 2016, [arXiv:1609.05158](https://arxiv.org/abs/1609.05158) (2016a).
# - A. Aitken 외, *Checkerboard artifact free sub-pixel convolution*, 2017,
#   [arXiv:1707.02937](https://arxiv.org/abs/1707.02937).
# - I. Goodfellow 외, *Generative Adversarial Nets*, NeurIPS 2014, [arXiv:1406.2661](https://arxiv.org/abs/1406.2661).
# - C. Dong 외, *Image Super-Resolution Using Deep Convolutional Networks* (SRCNN), IEEE TPAMI 2016,
#   [arXiv:1501.00092](https://arxiv.org/abs/1501.00092).

# %% [markdown] tags=["lang-en"]
# ## References
#
# - O. Ronneberger, P. Fischer, T. Brox, *U-Net: Convolutional Networks for Biomedical Image Segmentation*,
#   MICCAI 2015, [arXiv:1505.04597](https://arxiv.org/abs/1505.04597).
# - A. Radford, L. Metz, S. Chintala, *Unsupervised Representation Learning with Deep Convolutional Generative
#   Adversarial Networks*, 2015, [arXiv:1511.06434](https://arxiv.org/abs/1511.06434);
#   code [github.com/Newmu/dcgan_code](https://github.com/Newmu/dcgan_code).
# - R. Rombach, A. Blattmann, D. Lorenz, P. Esser, B. Ommer, *High-Resolution Image Synthesis with Latent
#   Diffusion Models*, CVPR 2022, [arXiv:2112.10752](https://arxiv.org/abs/2112.10752);
#   code [github.com/CompVis/stable-diffusion](https://github.com/CompVis/stable-diffusion).
# - W. Shi et al., *Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional
#   Neural Network*, CVPR 2016, [arXiv:1609.05158](https://arxiv.org/abs/1609.05158) (2016a).
# - A. Aitken et al., *Checkerboard artifact free sub-pixel convolution*, 2017,
#   [arXiv:1707.02937](https://arxiv.org/abs/1707.02937).
# - I. Goodfellow et al., *Generative Adversarial Nets*, NeurIPS 2014, [arXiv:1406.2661](https://arxiv.org/abs/1406.2661).
# - C. Dong et al., *Image Super-Resolution Using Deep Convolutional Networks* (SRCNN), IEEE TPAMI 2016,
#   [arXiv:1501.00092](https://arxiv.org/abs/1501.00092).

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. 원문 표의 네 줄(U-Net, GAN 생성자, Stable Diffusion, 초해상도)은 각각 어떤 업샘플링 블록을 쓰고, `meta` 장치로 실행하면 무엇을 알 수 있고 무엇은 알 수 없나요? (→ 1절)
# 2. 같은 합성곱을 192×192로 먼저 키운 이미지에서 하면 연산량이 ×3 ESPCN의 약 8배입니다. 먼저 키우는 방식은 왜 훨씬 비싸고, 그런데도 9배가 아닌 까닭은 무엇인가요? (→ 1절)
# 3. 분할 디코더, 생성자, 초해상도에 각각 어떤 업샘플링 방법을 고르고, 그 이유는 무엇인가요? (→ 4절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. Which upsampling block does each row of the document's table (U-Net, GAN generator, Stable Diffusion, super-resolution) use, and what does running it on the `meta` device tell you and what does it not? (→ section 1)
# 2. The same convolutions on an image enlarged to 192×192 first cost about 8 times the operations of ×3 ESPCN. Why does enlarging first cost so much more, and why not 9 times? (→ section 1)
# 3. Which upsampler do you choose for a segmentation decoder, a generator and super-resolution, and why? (→ section 4)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 코드로 확인하기 전에 먼저 답을 예측해 보세요.
#
# **1. (워밍업)** 컬러(RGB, 3채널) 이미지를 ×4로 키우는 ESPCN에서 픽셀 셔플 바로 앞 합성곱은 채널을 몇 개 내야 할까요?

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. Predict the answer before you check it
# in code.
#
# **1. (warm-up)** In an ESPCN that enlarges colour (RGB, 3-channel) images ×4, how many channels must the convolution
# right before the pixel shuffle output?

# %%
answer = ...
check("08.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = espcn(4, channels=3)[-2].out_channels
verify("08.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** 1절의 ESPCN을 ×3이 아니라 ×4로 만듭니다(휘도 채널 하나, 마지막 합성곱은 16채널). 같은 세 합성곱을 쌍삼차
# 보간으로 먼저 4배 키운 이미지에서 실행하면(마지막 합성곱은 채널 하나를 냅니다) 연산량은 ESPCN의 몇 배일까요(가장
# 가까운 정수)? ×3에서는 9배가 아니라 약 8배였습니다. 그 까닭을 떠올려 먼저 예측한 뒤 `FlopCounterMode`로
# 확인하세요.

# %% [markdown] tags=["lang-en"]
# **2.** Build section 1's ESPCN for ×4 instead of ×3 (one luminance channel, so the last convolution outputs 16
# channels). Run the same three convolutions on an image enlarged 4 times by bicubic interpolation first (the last
# convolution then outputs one channel): how many times as many operations as ESPCN does that take (to the nearest
# integer)? For ×3 it was about 8, not 9. Predict from why it was not 9, then check with `FlopCounterMode`.

# %%
answer = ...
check("08.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
small_low = torch.rand(1, 1, 16, 16)
enlarge_first = nn.Sequential(
    nn.Upsample(scale_factor=4, mode="bicubic", align_corners=False),
    nn.Conv2d(1, 64, 5, padding=2), nn.Tanh(),
    nn.Conv2d(64, 32, 3, padding=1), nn.Tanh(),
    nn.Conv2d(32, 1, 3, padding=1),
)
counts = []
for net in (espcn(4), enlarge_first):
    with FlopCounterMode(display=False) as counter:
        net(small_low)
    counts.append(counter.get_total_flops())
solution = round(counts[1] / counts[0])
verify("08.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3.** 원 논문의 U-Net(패딩 없는 합성곱, 네 번 풀링)에 한 변 636인 이미지를 넣으면 출력의 한 변은 얼마일까요?

# %% [markdown] tags=["lang-en"]
# **3.** The paper's U-Net (unpadded convolutions, four poolings) receives an image of side 636. What is the
# side of its output?

# %%
answer = ...
check("08.3", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
with torch.device("meta"):
    solution = OriginalUNet()(torch.empty(1, 1, 636, 636)).shape[-1]
verify("08.3", solution)

# %% [markdown] tags=["lang-ko"]
# **4. (코딩)** 픽셀 셔플을 `reshape`와 `permute`만으로 구현해 봅시다. `pixel_shuffle(x, r)`은 `(N, C·r², H, W)`를
# `(N, C, H·r, W·r)`로 재배열하며, `F.pixel_shuffle(x, r)`과 같은 값을 돌려주어야 합니다(`F.pixel_shuffle`과
# `nn.PixelShuffle`은 쓰지 마세요).
#
# 막히면 `hint("08.4", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **4. (coding)** Implement pixel shuffle with `reshape` and `permute` only. `pixel_shuffle(x, r)` rearranges
# `(N, C·r², H, W)` into `(N, C, H·r, W·r)` and must return the same values as `F.pixel_shuffle(x, r)` (do not call
# `F.pixel_shuffle` or `nn.PixelShuffle`).
#
# Stuck? Run `hint("08.4", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def pixel_shuffle(x, r):
    ...


check_code("08.4", pixel_shuffle, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(x, r):
    n, c, h, w = x.shape
    return x.reshape(n, c // (r * r), r, r, h, w).permute(0, 1, 4, 2, 5, 3).reshape(n, c // (r * r), h * r, w * r)


verify_code("08.4", solution)

# %% [markdown] tags=["lang-ko"]
# ### 퀴즈 정답
#
# 위 퀴즈의 정답과 설명입니다. 먼저 풀어 본 뒤에 보세요.

# %% [markdown] tags=["lang-en"]
# ### Quiz answers
#
# The answers to the quiz above, with explanations. Try the quiz first.

# %%
print(quiz.answer_key())

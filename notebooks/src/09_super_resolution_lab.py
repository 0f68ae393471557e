# %% [markdown] tags=["lang-ko"]
# # 09. 초해상도 실험실: 업샘플링 방법을 실제 사진으로 재기
#
# 원문의 비교표는 세 방법의 품질을 "보통", "좋음", "좋음"이라고 적지만 측정값은 보이지 않습니다. 레슨 05는 비용과
# 초기화 직후의 체커보드를 쟀고, 품질은 학습이 필요하다며 남겨 두었습니다. 이 레슨은 원문을 넘어 그 품질을
# **직접 잽니다**. scikit-image에 들어 있는 실제 사진으로, 같은 작은 몸통에 2배 업샘플러만 여섯 가지로 바꿔 끼운
# 모델을 CPU에서 짧게 학습하고, 쌍삼차 보간과 비교합니다. 그리고 이 정도 예산으로는 **무엇을 가를 수 없는지**도
# 측정으로 보입니다.
#
# 출력되는 숫자는 모두 CI가 다시 실행해 한 글자까지 비교합니다(학습 시간과 진행 표시줄만 뺍니다). 그 조건은 1절에서
# 설명합니다.

# %% [markdown] tags=["lang-en"]
# # 09. Super-resolution lab: measuring the upsamplers on real photographs
#
# The document's comparison table rates the quality of the three methods "average", "good" and "good" but shows no
# measurement. Lesson 05 measured their cost and their checkerboards at initialization, and left quality aside
# because it needs training. This lesson goes beyond the document and **measures** it: on real photographs that
# ship with scikit-image, models with one small body and six interchangeable ×2 upsamplers train briefly on the
# CPU and are compared with bicubic interpolation. The measurements also show what this budget **cannot** decide.
#
# CI re-runs every printed number and compares it character by character (only the training times and the
# progress bars are left out); section 1 says what that takes.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** 업샘플러를 공정하게 비교하는 실험(같은 몸통, 같은 시드, 같은 예산, 쌍삼차 보간 기준선)을 설계하고, PSNR과 SSIM으로 초해상도 품질을 재고, 모델 사이의 차이와 시드에 따른 흔들림을 구별하고, 학습 뒤의 체커보드를 사진과 평평한 이미지에서 잴 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** set up a fair comparison of upsamplers (one body, one seed, one budget, a bicubic baseline), measure super-resolution quality with PSNR and SSIM, tell a difference between models from seed-to-seed noise, and measure a checkerboard after training on a photograph and on a flat image.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 모델 여섯 개를 학습하고 시드 비교용으로 두 번 더 학습하므로 코스에서 실행 시간이 가장 긴 레슨입니다. 수업을 시작할
# 때 **Run All**을 눌러 두고, 학습이 도는 동안 1–3절을 설명하세요.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** It trains six models (and two more seed runs), so this is the course's longest-running
# lesson. Press **Run All** at the start of the class and explain sections 1–3 while it trains.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import os
import time
from pathlib import Path

import numpy as np
import skimage
import torch
from skimage.metrics import peak_signal_noise_ratio, structural_similarity
from torch import nn
from torch.nn import functional as F

from course_utils.claims import claim, close
from course_utils.diagrams import crop_gallery, gain_bars, response_gallery
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.i18n import message
from course_utils.metrics import checkerboard_strength, pattern_rms
from course_utils.notebook import setup
from course_utils.overlap import interior_values
from course_utils.photos import bundled_path, downscale2, luminance, patches
from course_utils.reproducible import KERNEL_ENV, describe
from course_utils.sr_report import Result, results_table, text_table

setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 재현 가능한 실험의 조건
#
# 모든 레슨처럼 위 셀도 `setup(LANG)`을 부르고, 이 호출이 숫자를 지킵니다. 부동소수점 덧셈은 순서에 따라 마지막
# 자리가 달라지고, 수백 단계를 학습하는 동안 그 차이는 쌓이고 커집니다. 그래서 `setup`은 더하는 순서를 정하는 세
# 가지, 곧 CPU 연산 커널(x86-64에서는 AVX2까지만 쓰는 커널), 스레드 수(하나), 결정적 알고리즘을 고정합니다. 그래도
# 숫자가 CPU에 따라 달라질 수 있는 셀(ARM CPU나 AVX2가 없는 CPU에서)에는 `x86-digits` 태그가 붙어 있고, 크기,
# 파라미터 수, 레슨이 말하는 사실(`claim`)은 어느 CPU에서나 확인합니다.
#
# 시드는 `setup`이 0으로 고정하고, 모델을 만들 때와 배치를 뽑을 때 다시 명시적으로 고정합니다. PSNR은 소수점 둘째
# 자리, SSIM은 셋째 자리까지 출력합니다.

# %% [markdown] tags=["lang-en"]
# ## 1. What makes the experiment reproducible
#
# `setup(LANG)`, called in the cell above as in every lesson, protects the numbers. Floating-point addition
# changes its last bits with the order of the terms, and over hundreds of training steps that difference
# accumulates and grows. So `setup` fixes the three things that decide the order: the CPU compute kernels (on
# x86-64, kernels that use AVX2 at most), the thread count (one) and deterministic algorithms. Cells whose digits
# may still differ on other CPUs (ARM, or x86-64 without AVX2) carry the `x86-digits` tag; sizes, parameter counts
# and the facts a lesson states (`claim`) are checked on every CPU.
#
# `setup` seeds everything with 0, and we seed again explicitly when we build a model and when we draw batches.
# We print PSNR to two decimals and SSIM to three.

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 1.1 심화: 연산 커널, 스레드 수, 결정적 알고리즘
#
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# - **CPU 연산 커널**: PyTorch는 CPU가 지원하는 가장 넓은 벡터 명령(AVX-512 등)에 맞춘 연산 커널(계산 루틴)을
#   고르고, 커널이 다르면 더하는 순서도 달라집니다. 그래서 x86-64 CPU에서는 `setup`이 처음 계산하기 전에 세
#   라이브러리가 CPU와 상관없이 같은 코드로 계산하도록 설정합니다. PyTorch 자체 커널(ATen)과 합성곱 라이브러리
#   oneDNN은 AVX2까지만 쓰고, 행렬 곱 라이브러리 MKL은 Intel과 호환 CPU용으로 문서화된 호환 모드(`COMPATIBLE`)로
#   계산합니다. Intel은 2013년(Haswell), AMD는 2015년(Excavator)부터 AVX2를 지원하므로, 일부 저전력 CPU를 빼면
#   AVX-512가 있든 없든 같은 커널이 돕니다. 이 레슨을 AVX-512 커널로 돌려 보니 출력한 PSNR 가운데 여럿이 소수점 둘째 자리에서
#   달라졌고, MKL의 모드만 바꿔도 달라졌습니다(노트북 밖에서 잰 결과로, `docs/reproducibility.md`에 적어 두었습니다).
# - **스레드 수**: 스레드 수가 바뀌면 합을 나눠 더하는 순서가 바뀝니다. 스레드를 하나로 고정하면 코어가 몇 개인
#   컴퓨터에서든 같은 계산 순서가 됩니다. 대가는 속도입니다. 코어가 여럿인 컴퓨터에서는 코어를 다 쓰지 못해 학습이
#   느려지지만, 어디서나 같은 숫자를 얻기 위해 감수합니다.
# - **결정적 알고리즘**: `torch.use_deterministic_algorithms(True)`는 같은 입력에 늘 같은 결과를 내는 구현만 쓰게
#   하고, 결정적 구현이 없는 연산이 있으면 조용히 넘어가지 않고 오류를 냅니다. 이 레슨의 연산은 모두 CPU에서
#   결정적입니다.
#
# ARM CPU(예: Apple 실리콘)와 AVX2가 없는 CPU에서는 이 커널을 쓸 수 없어서 학습 결과의 숫자가 조금 다를 수
# 있습니다. 아래 셀은 `setup`이 고정한 커널을 보여 줍니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### 1.1 Deep dive: compute kernels, thread count, deterministic algorithms
#
# You can skip it; nothing later depends on it.
#
# - **CPU compute kernels**: PyTorch picks compute kernels (its arithmetic routines) for the widest vector
#   instructions the CPU has (AVX-512 and the like), and other kernels add in another order. So on x86-64 CPUs,
#   before the first computation, `setup` makes three libraries compute with the same code whatever the CPU:
#   PyTorch's own kernels (ATen) and the convolution library oneDNN use AVX2 at most, and the
#   matrix-multiplication library MKL computes in the compatible mode (`COMPATIBLE`) that its documentation
#   describes for Intel and Intel-compatible CPUs. Intel CPUs have AVX2 since 2013 (Haswell) and AMD CPUs since
#   2015 (Excavator), so apart from some low-power CPUs the same kernels run with or without AVX-512. Running this
#   lesson with AVX-512 kernels changed several printed PSNRs in the second decimal, and changing MKL's mode alone
#   changed some too (measured outside the notebook and recorded in `docs/reproducibility.md`).
# - **Thread count**: with another number of threads a sum is split and added in another order. One thread
#   gives the same order of computation on any number of cores. The price is speed: on a machine with several
#   cores training is slower because it cannot use them all, which we accept to get the same numbers everywhere.
# - **Deterministic algorithms**: `torch.use_deterministic_algorithms(True)` allows only implementations that
#   give the same result for the same input, and raises an error instead of silently going on when an
#   operation has none. Every operation here is deterministic on the CPU.
#
# ARM CPUs (Apple silicon, say) and CPUs without AVX2 cannot run these kernels, so the digits of training results
# may differ slightly there. The cell below shows the kernels that `setup` pins.

# %% tags=["x86-digits", "deep-dive"]
# x86-digits: names the x86-64 kernels that setup pins
print(describe())
claim("torch.are_deterministic_algorithms_enabled()", torch.are_deterministic_algorithms_enabled())
for name, value in KERNEL_ENV.items():
    print(f"{name}={value}")

# %% [markdown] tags=["lang-ko"]
# ## 2. 데이터: scikit-image에 들어 있는 사진
#
# `skimage.data`의 사진 가운데 일부는 처음 쓸 때 내려받지만, 여기서 쓰는 일곱 장은 휠 안의 `skimage/data` 폴더에
# 들어 있어 네트워크 없이 열립니다. `course_utils.photos`는 그 파일을 직접 읽고, 파일이 없으면 내려받는 대신 오류를
# 냅니다. 아래에서 각 파일이 설치된 패키지 안에 있는지(`bundled`) 확인합니다.
#
# - **학습용**: astronaut, chelsea, coffee, rocket
# - **평가용**: camera, coins, grass (학습에 쓰지 않습니다)
#
# 컬러 사진은 `skimage.color.rgb2gray`로 휘도 $Y = 0.2125R + 0.7154G + 0.0721B$(ITU-R BT.709에 가까운 가중치)로 바꾸고,
# 값의 범위는 $[0, 1]$입니다. 많은 초해상도 논문처럼 휘도 채널 하나만 다룹니다.

# %% [markdown] tags=["lang-en"]
# ## 2. Data: photographs that ship with scikit-image
#
# Some `skimage.data` images are downloaded on first use; the seven used here ship in the wheel's `skimage/data`
# folder and open with no network. `course_utils.photos` reads those files directly and raises an error rather than
# download a missing one; below we check that each lies inside the installed package (`bundled`).
#
# - **training**: astronaut, chelsea, coffee, rocket
# - **evaluation**: camera, coins, grass (never used for training)
#
# Colour photographs become luminance $Y = 0.2125R + 0.7154G + 0.0721B$ (weights close to ITU-R BT.709's) with
# `skimage.color.rgb2gray`, with values in $[0, 1]$. Like many super-resolution papers, we work on this single
# luminance channel.

# %%
TRAIN = ["astronaut", "chelsea", "coffee", "rocket"]
TEST = ["camera", "coins", "grass"]

package = Path(skimage.__file__).parent
photos = {}
for name in TRAIN + TEST:
    photos[name] = luminance(name)
    role = "train" if name in TRAIN else "test"
    claim(f"{name:<10} {role!r:7} {str(tuple(photos[name].shape)):<11} bundled_path", bundled_path(name).is_relative_to(package))
print("skimage.__version__:", skimage.__version__)

# %% [markdown] tags=["lang-ko"]
# ### 저해상도 입력 만들기
#
# 저해상도 입력은 고해상도 사진을 2배 줄여 만듭니다. 여기서는 **상자 필터**를 씁니다. 저해상도 픽셀 하나는 고해상도
# 2×2 블록의 평균입니다(`course_utils.photos.downscale2`). 센서가 더 큰 픽셀로 빛을 모으는 것과 비슷하고, 정의가
# 단순해서 어디서 실행해도 같은 값이 나옵니다. 많은 초해상도 벤치마크는 쌍삼차 보간으로 줄인 입력을 쓰므로, 여기서
# 얻은 PSNR을 논문의 숫자와 직접 비교하지는 마세요.
#
# 학습 데이터는 학습용 사진마다 32×32 고해상도 패치를 겹치지 않게 격자로 잘라 내고, 각 패치를 줄여 16×16 입력을
# 만듭니다. 자르는 순서가 정해져 있으므로 패치 집합도 늘 같습니다.

# %% [markdown] tags=["lang-en"]
# ### Making the low-resolution inputs
#
# A low-resolution input is its high-resolution photograph shrunk by 2. We use a **box filter**: each
# low-resolution pixel is the mean of a 2×2 block of high-resolution pixels (`course_utils.photos.downscale2`).
# This resembles a sensor that gathers light in larger pixels, and its simple definition gives the same values
# everywhere. Many super-resolution benchmarks shrink with bicubic interpolation instead, so do not compare the
# PSNRs here directly with numbers from papers.
#
# For training, we cut non-overlapping 32×32 high-resolution patches on a grid from each training photograph and
# shrink each into a 16×16 input. The cutting order is fixed, so the set of patches is always the same.

# %%
PATCH = 32
hr_train = torch.cat([patches(photos[name], PATCH) for name in TRAIN])[:, None]
lr_train = downscale2(hr_train)
for name in TRAIN:
    print(f"{name:<10} patches: {len(patches(photos[name], PATCH))}")
print("hr_train:", tuple(hr_train.shape))
print("lr_train:", tuple(lr_train.shape))
claim("downscale2(hr)[0, 0, 0, 0] == hr[0, 0, :2, :2].mean()", close(downscale2(hr_train[:1].double())[0, 0, 0, 0], hr_train[0, 0, :2, :2].double().mean()))

# %% [markdown] tags=["lang-ko"]
# ## 3. 모델: 같은 몸통, 바꿔 끼우는 업샘플러
#
# 몸통은 ESPCN(Shi 외 2016a)처럼 저해상도 격자에서만 합성곱을 합니다. 5×5 합성곱(1 → 32채널), 3×3
# 합성곱(32 → 16채널), 그 사이에 ReLU입니다. 마지막의 2배 업샘플러가 16채널 특징 맵을 1채널 고해상도 이미지로 바꿉니다.
#
# 모든 모델은 입력을 쌍삼차 보간으로 키운 이미지에 네트워크의 출력을 **더합니다**. 네트워크는 이미지 전체가 아니라
# 쌍삼차 보간이 놓친 부분(잔차)만 배우면 되므로, 짧은 학습으로도 차이를 잴 수 있습니다(잔차 학습, Kim 외 2016의
# VDSR). 그래서 쌍삼차 보간은 "네트워크의 출력이 0인 모델"이라는 자연스러운 기준선이 됩니다. 쌍삼차 보간은
# PyTorch의 `F.interpolate(mode="bicubic", align_corners=False)`입니다.

# %% [markdown] tags=["lang-en"]
# ## 3. Models: one body, interchangeable upsamplers
#
# Like ESPCN (Shi et al. 2016a), the body convolves only on the low-resolution grid: a 5×5 convolution (1 → 32
# channels), a 3×3 convolution (32 → 16 channels), with ReLUs. The final ×2 upsampler turns the 16-channel
# feature map into a 1-channel high-resolution image.
#
# Every model **adds** its network's output to the input enlarged by bicubic interpolation. The network then
# only has to learn what bicubic interpolation misses (the residual), not the whole image, so a short training
# already gives a measurable difference (residual learning, as in VDSR, Kim et al. 2016). This makes bicubic
# interpolation the natural baseline: the model whose network outputs zero. Bicubic here is PyTorch's
# `F.interpolate(mode="bicubic", align_corners=False)`.

# %%
WIDTH = 16


def bicubic(x):
    return F.interpolate(x, scale_factor=2, mode="bicubic", align_corners=False)


class SuperResolution(nn.Module):
    """ESPCN-like body on the low-resolution grid, a ×2 upsampler, plus the bicubic enlargement of the input."""

    def __init__(self, upsampler):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(), nn.Conv2d(32, WIDTH, 3, padding=1), nn.ReLU())
        self.upsample = upsampler

    def forward(self, x):
        return bicubic(x) + self.upsample(self.body(x))


# %% [markdown] tags=["lang-ko"]
# 여섯 업샘플러는 모두 16채널을 받아 1채널을 2배 크기로 내놓습니다.
#
# - **ConvT k4s2p1**: 커널 4, 스트라이드 2, 패딩 1인 전치 합성곱. 안쪽 겹침이 균일합니다.
# - **ConvT k3s2**: 커널 3, 스트라이드 2. 불균일한 겹침(레슨 04)입니다. 패딩 1로는 출력이 한 칸 모자라므로
#   `output_padding=1`로 정확히 2배를 맞춥니다(레슨 03).
# - **nearest+Conv**, **bilinear+Conv**: 최근접 이웃 보간 또는 쌍선형 보간(`align_corners=False`)으로 키운 뒤 3×3
#   합성곱.
# - **PixelShuffle**: 3×3 합성곱으로 $2^2 = 4$채널을 만든 뒤 픽셀 셔플. PyTorch 기본 초기화.
# - **PixelShuffle ICNR**: 같은 구조에 ICNR 초기화(Aitken 외 2017). (1, 16, 3, 3) 커널 하나를 만들어
#   `repeat_interleave(4, dim=0)`으로 네 위상에 똑같이 복사합니다(레슨 04).

# %% [markdown] tags=["lang-en"]
# All six upsamplers take 16 channels and return 1 channel at twice the size.
#
# - **ConvT k4s2p1**: a transposed convolution with kernel 4, stride 2, padding 1. Even interior overlap.
# - **ConvT k3s2**: kernel 3, stride 2, uneven overlap (lesson 04). With padding 1 the output is one pixel short,
#   so `output_padding=1` makes it exactly twice the size (lesson 03).
# - **nearest+Conv**, **bilinear+Conv**: enlarge by nearest-neighbour or bilinear interpolation
#   (`align_corners=False`), then a 3×3 convolution.
# - **PixelShuffle**: a 3×3 convolution to $2^2 = 4$ channels, then a pixel shuffle. PyTorch's default
#   initialization.
# - **PixelShuffle ICNR**: the same with ICNR initialization (Aitken et al. 2017): make one (1, 16, 3, 3) kernel
#   and copy it to the four phases with `repeat_interleave(4, dim=0)` (lesson 04).

# %%
def icnr_(conv, scale=2):
    """ICNR (Aitken et al. 2017): the scale² sub-pixel kernels of each output channel start identical, bias too."""
    base = nn.Conv2d(conv.in_channels, conv.out_channels // scale**2, conv.kernel_size, padding=conv.padding)
    with torch.no_grad():
        conv.weight.copy_(base.weight.repeat_interleave(scale**2, dim=0))
        conv.bias.copy_(base.bias.repeat_interleave(scale**2))
    return conv


UPSAMPLERS = {
    "ConvT k4s2p1": lambda: nn.ConvTranspose2d(WIDTH, 1, 4, stride=2, padding=1),
    "ConvT k3s2": lambda: nn.ConvTranspose2d(WIDTH, 1, 3, stride=2, padding=1, output_padding=1),
    "nearest+Conv": lambda: nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(WIDTH, 1, 3, padding=1)),
    "bilinear+Conv": lambda: nn.Sequential(nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False),
                                           nn.Conv2d(WIDTH, 1, 3, padding=1)),
    "PixelShuffle": lambda: nn.Sequential(nn.Conv2d(WIDTH, 4, 3, padding=1), nn.PixelShuffle(2)),
    "PixelShuffle ICNR": lambda: nn.Sequential(icnr_(nn.Conv2d(WIDTH, 4, 3, padding=1)), nn.PixelShuffle(2)),
}


def build(name, seed=0):
    torch.manual_seed(seed)
    return SuperResolution(UPSAMPLERS[name]())


def count(module):
    return sum(p.numel() for p in module.parameters())


with torch.no_grad():
    for name in UPSAMPLERS:
        model = build(name)
        y = model(lr_train[:1])
        print(f"{name:<18} {tuple(lr_train[:1].shape)} -> {tuple(y.shape)}  count(model.upsample): "
              f"{count(model.upsample):>4}, count(model): {count(model):,}")
print("count(model.body):", f"{count(model.body):,}")
print("ConvT k3s2 interior_values(16, 3, 2, 1):", interior_values(16, 3, 2, 1))

# %% [markdown] tags=["lang-ko"]
# 몸통은 모두 같으므로(5,456개) 모델의 파라미터 수 차이는 업샘플러에서만 나옵니다. 픽셀 셔플의 업샘플러는 출력
# 채널이 4개라 보간 + 합성곱의 4배입니다. 전체 모델로는 1만 개도 안 되는 작은 모델들이라, 아래 비교는 큰 모델의
# 순위를 예측하지 않습니다.

# %% [markdown] tags=["lang-en"]
# The body is the same everywhere (5,456 parameters), so the models differ only in their upsamplers. The pixel
# shuffle's upsampler has 4 output channels, four times the interpolation + convolution's. Every model has fewer
# than ten thousand parameters, so the comparison below does not predict how large models rank.

# %% [markdown] tags=["lang-ko"]
# ## 4. 학습
#
# 모든 모델을 똑같이 학습합니다. 시드 0으로 모델을 만들고, 시드 0인 난수 생성기로 배치를 뽑고, Adam(학습률
# 0.002)으로 평균 제곱 오차를 줄이는 단계를 500번 밟습니다. 배치는 패치 32개입니다. 모델마다 걸리는 시간은 컴퓨터에
# 따라 다르므로(아래에 잰 시간을 출력합니다), 한 셀에서 모델 하나를 학습합니다.

# %% [markdown] tags=["lang-en"]
# ## 4. Training
#
# Every model is trained the same way: built with seed 0, batches drawn by a random generator seeded with 0, and
# 500 Adam steps (learning rate 0.002) on the mean squared error, 32 patches per batch. How long each model takes
# depends on the machine (the times are printed below), so each cell below trains one model.

# %%
STEPS, BATCH, LEARNING_RATE = 500, 32, 2e-3
FLAT = torch.full((1, 1, 48, 48), 0.5)  # a flat mid-grey low-resolution image, for the pattern's size
CAMERA_LOW = downscale2(photos["camera"])[None, None]  # an evaluation photograph, for the checkerboard strength


def train(model, seed=0):
    """Adam on the MSE between the model's output and the high-resolution patch, on seeded random batches."""
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    for _ in range(STEPS):
        index = torch.randint(len(lr_train), (BATCH,), generator=generator)
        loss = F.mse_loss(model(lr_train[index]), hr_train[index])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


def camera_strength(model):
    with torch.no_grad():
        return checkerboard_strength(model(CAMERA_LOW), border=8)


# %%
models, strength_init, seconds = {}, {}, {}


def train_upsampler(name):
    """Build the model with this upsampler, measure its checkerboard at initialization, then train it (timed)."""
    model = build(name)
    strength_init[name] = camera_strength(model)
    start = time.perf_counter()
    models[name] = train(model)
    seconds[name] = time.perf_counter() - start


# %%
train_upsampler("ConvT k4s2p1")

# %%
train_upsampler("ConvT k3s2")

# %%
train_upsampler("nearest+Conv")

# %%
train_upsampler("bilinear+Conv")

# %%
train_upsampler("PixelShuffle")

# %%
train_upsampler("PixelShuffle ICNR")

# %%
claim("list(models) == list(UPSAMPLERS)", list(models) == list(UPSAMPLERS))

# %% [markdown] tags=["lang-ko"]
# 학습 시간은 컴퓨터와 그때의 부하에 따라 달라서 CI가 비교하지 않습니다. 함께 출력하는 부하 평균(최근 1분, 5분,
# 15분 동안 실행 중이거나 실행을 기다린 프로세스 수의 평균)이 코어 수보다 크면 CPU를 나눠 쓴 것이므로 시간이
# 부풀려집니다.

# %% [markdown] tags=["lang-en"]
# Training times depend on the machine and its load, so CI does not compare them. When the load average printed
# with them (the mean number of processes running or waiting over the last 1, 5 and 15 minutes) exceeds the number
# of cores, the CPU was shared and the times are inflated.

# %%
# NBVAL_IGNORE_OUTPUT
# reason: wall-clock training times differ on every run and machine
print(text_table([message("sr_report.model", LANG), message("sr_report.seconds", LANG)],
                 [[name, f"{s:.1f}"] for name, s in seconds.items()]))
print("torch.get_num_threads():", torch.get_num_threads(), "| os.cpu_count():", os.cpu_count(),
      "| os.getloadavg():", tuple(round(v, 1) for v in os.getloadavg()))
slow, fast = max(seconds, key=seconds.get), min(seconds, key=seconds.get)
print(message("sr_report.time_ratio", LANG, slow=slow, fast=fast, ratio=f"{seconds[slow] / seconds[fast]:.1f}"))

# %% [markdown] tags=["lang-ko"]
# 보간 + 합성곱이 가장 오래 걸리는 편입니다. 곱셈-덧셈 수는 픽셀 셔플과 같지만(레슨 05), 출력 채널이 하나인
# 합성곱을 4배 많은 고해상도 픽셀에서 하는 것이 이 CPU 구현에서는 느립니다. 원문의 "보통" 속도와 방향은 맞지만,
# 학습 시간은 업샘플러 하나가 어떻게 구현되었는지에 크게 좌우됩니다.

# %% [markdown] tags=["lang-en"]
# The interpolation + convolution models tend to be the slowest. Their multiply-adds equal the pixel shuffle's
# (lesson 05), but a 1-output-channel convolution over four times as many high-resolution pixels is slow in this
# CPU implementation. That agrees in direction with the document's "average" speed, but the training time hinges
# on how one upsampler happens to be implemented.

# %% [markdown] tags=["lang-ko"]
# ## 5. 평가: PSNR과 SSIM
#
# 평가용 사진 세 장을 통째로 줄였다가 다시 키우고, 원래 사진과 비교합니다. 출력은 $[0, 1]$로 자르고, 가장자리의
# 영향을 빼기 위해 네 변에서 4픽셀씩 버립니다.
#
# - **PSNR**(최대 신호 대 잡음비): $10 \log_{10}(1 / \text{MSE})$ dB. 높을수록 원본에 가깝고, 1 dB 차이는 평균 제곱
#   오차가 $10^{-0.1}$배로 줄어든 것입니다.
# - **SSIM**(구조적 유사도, Wang 외 2004): 국소 평균·분산·공분산을 비교한 값으로, 1이면 똑같습니다.
#
# 두 값 모두 `skimage.metrics`로 계산하고(`data_range=1`), 세 장의 평균을 표에 적습니다.

# %% [markdown] tags=["lang-en"]
# ## 5. Evaluation: PSNR and SSIM
#
# We shrink the three evaluation photographs whole, enlarge them again and compare them with the originals.
# Outputs are clipped to $[0, 1]$ and 4 pixels are dropped on each side to leave border effects out.
#
# - **PSNR** (peak signal-to-noise ratio): $10 \log_{10}(1 / \text{MSE})$ dB. Higher is closer to the original;
#   1 dB more means the mean squared error shrank by a factor of $10^{-0.1}$.
# - **SSIM** (structural similarity, Wang et al. 2004): compares local means, variances and covariances; 1 means
#   identical.
#
# Both come from `skimage.metrics` (`data_range=1`); the table shows the mean over the three photographs.

# %% tags=["x86-digits"]
# x86-digits: trained models' PSNR, SSIM and checkerboard (training magnifies kernel-dependent rounding)
SHAVE = 4


def evaluate(upscale):
    """PSNR (dB) and SSIM of upscale(low-res) against each evaluation photograph, borders shaved."""
    scores = {}
    for name in TEST:
        truth = photos[name]
        with torch.no_grad():
            guess = upscale(downscale2(truth)[None, None])[0, 0].clamp(0, 1)
        a = truth[SHAVE:-SHAVE, SHAVE:-SHAVE].double().numpy()
        b = guess[SHAVE:-SHAVE, SHAVE:-SHAVE].double().numpy()
        scores[name] = (peak_signal_noise_ratio(a, b, data_range=1.0), structural_similarity(a, b, data_range=1.0))
    return scores


def mean_psnr(scores):
    return float(np.mean([psnr for psnr, _ in scores.values()]))


def mean_ssim(scores):
    return float(np.mean([ssim for _, ssim in scores.values()]))


scores = {name: evaluate(model) for name, model in models.items()}
bicubic_scores = evaluate(bicubic)
bicubic_strength = checkerboard_strength(bicubic(CAMERA_LOW), border=8)
baseline = Result(message("sr_report.bicubic", LANG), 0, mean_psnr(bicubic_scores), mean_ssim(bicubic_scores),
                  bicubic_strength, bicubic_strength)
results = [Result(name, count(models[name]), mean_psnr(scores[name]), mean_ssim(scores[name]),
                  strength_init[name], camera_strength(models[name])) for name in UPSAMPLERS]
print(results_table(baseline, results, LANG))

# %% [markdown] tags=["lang-ko"]
# 평균이 한 장에 끌려가지 않았는지 사진별 PSNR도 봅니다.

# %% [markdown] tags=["lang-en"]
# To see that no single photograph drives the mean, here is the PSNR of each photograph.

# %% tags=["x86-digits"]
# x86-digits: trained models' PSNR per photograph (training magnifies kernel-dependent rounding)
rows = [[baseline.name, *[f"{bicubic_scores[image][0]:.2f}" for image in TEST]]]
rows += [[name, *[f"{scores[name][image][0]:.2f}" for image in TEST]] for name in UPSAMPLERS]
print(text_table([message("sr_report.model", LANG), *TEST], rows))

# %% [markdown] tags=["lang-ko"]
# ### 이 차이는 의미가 있을까: 시드만 바꿔 보기
#
# 모델 사이의 차이가 크다고 말하려면, 같은 모델을 다시 학습할 때 생기는 차이보다 커야 합니다. 학습이 빠른 편인
# 모델 하나(ConvT k4s2p1)를 시드 1과 2로 두 번 더 학습해(초기값과 배치 순서가 모두 바뀝니다) 평균 PSNR이 얼마나
# 움직이는지 잽니다.

# %% [markdown] tags=["lang-en"]
# ### Do these differences mean anything? Change only the seed
#
# A difference between models counts only if it is larger than what retraining the same model gives. We train one
# fast model (ConvT k4s2p1) twice more, with seeds 1 and 2 (both the initial weights and the batch order change),
# and see how far its mean PSNR moves.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 이 레슨에서 가장 중요한 결론이 여기 있습니다. 시드만 바꿔서 생기는 차이와 방법 사이의 차이를 비교한 출력을
# 가리키세요. 이 예산으로는 업샘플링 방법의 순위를 매길 수 없다는 것도 측정 결과입니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** The lesson's most important conclusion is here. Point at the output that compares the spread
# from changing only the seed with the spread between methods. That this budget cannot rank the upsamplers is a
# measured result too.

# %%
SEED_MODEL = "ConvT k4s2p1"
seed_psnr = {0: next(r.psnr for r in results if r.name == SEED_MODEL)}
seed_psnr[1] = mean_psnr(evaluate(train(build(SEED_MODEL, 1), seed=1)))

# %% tags=["x86-digits"]
# x86-digits: PSNR of models trained with other seeds (training magnifies kernel-dependent rounding)
seed_psnr[2] = mean_psnr(evaluate(train(build(SEED_MODEL, 2), seed=2)))
for seed, psnr in seed_psnr.items():
    print(f"{SEED_MODEL} seed={seed}: PSNR {psnr:.2f} dB, Δ(bicubic) {psnr - baseline.psnr:+.2f} dB")
seed_spread = max(seed_psnr.values()) - min(seed_psnr.values())
print(f"max − min: {seed_spread:.2f} dB")

# %% [markdown] tags=["lang-ko"]
# 아래 문장은 위의 측정값으로 코드가 만든 결론입니다.

# %% [markdown] tags=["lang-en"]
# The sentences below are conclusions the code draws from the measurements above.

# %% tags=["x86-digits"]
# x86-digits: conclusions drawn from trained models' PSNR (training magnifies kernel-dependent rounding)
gains = [r.psnr - baseline.psnr for r in results]
best = max(results, key=lambda r: r.psnr)
worst = min(results, key=lambda r: r.psnr)
spread = best.psnr - worst.psnr
print(message("sr_report.beat", LANG, total=len(results), beat=sum(g > 0 for g in gains),
              low=f"{min(gains):+.2f}", high=f"{max(gains):+.2f}"))
print(message("sr_report.beat_ssim", LANG, total=len(results), beat=sum(r.ssim > baseline.ssim for r in results)))
print(message("sr_report.spread", LANG, total=len(results), spread=f"{spread:.2f}", model=SEED_MODEL,
              seeds=len(seed_psnr), seed_spread=f"{seed_spread:.2f}"))
if spread > seed_spread:
    print(message("sr_report.separated", LANG, best=best.name, worst=worst.name, seed_spread=f"{seed_spread:.2f}"))
else:
    print(message("sr_report.not_separated", LANG))

# %%
gain_bars([r.name for r in results], gains,
          (min(seed_psnr.values()) - baseline.psnr, max(seed_psnr.values()) - baseline.psnr), SEED_MODEL, LANG)

# %% [markdown] tags=["lang-ko"]
# 회색 띠는 한 모델이 시드만 바꿔도 차지하는 범위입니다. 띠의 폭과 비슷한 차이는 업샘플러 때문이라고 말할 수
# 없습니다. 띠는 모델 하나, 시드 세 개로 잰 것이므로 실제 흔들림은 이보다 클 수도 있습니다.

# %% [markdown] tags=["lang-en"]
# The grey band is the range one model covers when only its seed changes. Differences about as wide as the band
# cannot be credited to the upsampler. The band comes from one model and three seeds, so the true spread may be
# larger.

# %% [markdown] tags=["lang-ko"]
# ## 6. 학습 뒤의 체커보드
#
# 표의 마지막 두 열은 평가용 사진 camera(256×256으로 줄인 입력)에 대한 모델 출력의 체커보드 강도(레슨 04, 테두리
# 8픽셀 제외), 곧 변동 가운데 2×2 주기 무늬가 차지하는 몫의 제곱근입니다. 쌍삼차 보간은 무늬를 만들지 않으므로 그
# 값이 사진 자체가 주는 바닥값입니다. 초기화 직후에는 레슨 04와 같은 그림입니다. 전치 합성곱 두 가지와 기본 초기화
# 픽셀 셔플은 뚜렷하고, 보간 + 합성곱과 ICNR 픽셀 셔플은 바닥값에 머뭅니다. 학습 뒤에는 어떨까요?
#
# 무늬의 크기는 평평한 회색 이미지(48×48, 값 0.5)에 대한 출력으로 잽니다. 평평한 입력에 대한 응답은 안쪽이 정확히
# 주기적이라 강도가 0 아니면 1이므로(레슨 04), 여기서는 위상 무늬의 RMS(`pattern_rms`)를 8비트 밝기 단계(0~255)로
# 출력합니다. 아래 그림은 그 출력의 안쪽을 **이미지마다 밝기 범위를 따로 맞춰** 보여 주므로 아주 작은 무늬도 크게
# 보입니다. 무늬의 실제 크기는 제목의 RMS로 판단하세요.

# %% [markdown] tags=["lang-en"]
# ## 6. The checkerboard after training
#
# The table's last two columns are the checkerboard strength (lesson 04, 8-pixel border dropped) of each model's
# output for the evaluation photograph camera (input shrunk to 256×256): the square root of the share of the
# variation that is a 2×2-periodic pattern. Bicubic interpolation makes no pattern, so its value is the floor the
# photograph itself gives. At initialization the picture is lesson 04's: clear for the two transposed convolutions
# and the default pixel shuffle, at the floor for the interpolations + convolution and the ICNR pixel shuffle. And
# after training?
#
# The size of the pattern is measured on a flat grey image (48×48, value 0.5). A flat input's response has an
# exactly periodic interior, so its strength is 0 or 1 (lesson 04); here we print the RMS of the phase pattern
# (`pattern_rms`) in 8-bit grey levels (0 to 255) instead. The figure shows these outputs' interiors, **each
# stretched to its own brightness range**, which magnifies even a tiny pattern: judge its real size by the RMS in
# the titles.

# %% tags=["x86-digits"]
# x86-digits: trained models' response to a flat image (training magnifies kernel-dependent rounding)
flat_outputs = {}
with torch.no_grad():
    for name, model in models.items():
        flat_outputs[name] = model(FLAT)[0, 0]
grey_levels = {name: pattern_rms(y, border=8) * 255 for name, y in flat_outputs.items()}
for name, levels in grey_levels.items():
    print(f"{name:<18} pattern_rms × 255: {levels:.2f}")
strongest = max(grey_levels, key=grey_levels.get)
key = "sr_report.pattern_small" if grey_levels[strongest] < 1 else "sr_report.pattern_visible"
print(message(key, LANG, model=strongest, levels=f"{grey_levels[strongest]:.2f}"))

# %%
response_gallery([y[8:-8, 8:-8] for y in flat_outputs.values()],
                 [f"{name}\nRMS {grey_levels[name]:.2f}/255" for name in flat_outputs],
                 LANG)

# %% [markdown] tags=["lang-ko"]
# ### 실제 사진에서 확대해 보기
#
# 평가용 사진 camera에서 삼각대 위의 카메라가 하늘을 배경으로 찍힌 48×48 부분을 원본, 쌍삼차 보간, 여섯 모델의
# 결과로 나란히 놓습니다. 이번에는 모든 그림이 같은 밝기 범위(0~1)라서 있는 그대로 비교할 수 있습니다. 먼저
# 학습하기 전, 시드 0으로 초기화한 모델들입니다. 아티팩트가 눈에 보인다면 여기서 보입니다.

# %% [markdown] tags=["lang-en"]
# ### Zooming in on a real photograph
#
# A 48×48 part of the evaluation photograph camera (the camera on its tripod, against the sky), side by side: the
# original, bicubic, and the six models. This time every picture uses the same brightness range (0 to 1), so they
# compare as they are. First the models before training, as seed 0 initializes them: if artifacts show anywhere,
# they show here.

# %%
CROP = (slice(144, 192), slice(272, 320))  # the camera on its tripod, against the sky
camera_low = downscale2(photos["camera"])[None, None]
reference = [photos["camera"][CROP], bicubic(camera_low)[0, 0].clamp(0, 1)[CROP]]
titles = [message("super_resolution.original", LANG), message("super_resolution.bicubic", LANG), *UPSAMPLERS]


def crops_of(named_models):
    with torch.no_grad():
        return reference + [model(camera_low)[0, 0].clamp(0, 1)[CROP] for model in named_models.values()]


crop_gallery(crops_of({name: build(name) for name in UPSAMPLERS}), titles, "camera", LANG,
             note=message("super_resolution.at_init", LANG))

# %% [markdown] tags=["lang-ko"]
# 초기화 직후의 전치 합성곱 두 가지와 기본 초기화 픽셀 셔플은 사진 전체에 격자 무늬를 덧씌웁니다. 보간 + 합성곱과
# ICNR 픽셀 셔플은 아직 학습하지 않아 밝기가 어긋날 수는 있어도 격자는 없습니다. 학습한 뒤에는 어떨까요?

# %% [markdown] tags=["lang-en"]
# Right after initialization the two transposed convolutions and the default pixel shuffle lay a grid over the
# whole picture. The interpolations + convolution and the ICNR pixel shuffle, untrained, may shift the brightness
# but draw no grid. And after training?

# %%
crop_gallery(crops_of(models), titles, "camera", LANG, note=message("super_resolution.trained", LANG))

# %% [markdown] tags=["lang-ko"]
# 학습한 뒤에는 이 배율에서 격자가 보이는 결과가 없습니다. 6절에서 잰 무늬가 8비트 밝기 한 단계에도 못 미친다는
# 것과 맞습니다. 여섯 결과는 서로 거의 구별되지 않고, 쌍삼차 보간과도 카메라의 윤곽 같은 경계에서 조금 다를
# 뿐입니다. 표의 작은 차이와 같은 이야기입니다.

# %% [markdown] tags=["lang-en"]
# After training no result shows a grid at this magnification, in line with section 6 (less than one 8-bit grey
# level). The six results are hard to tell apart and differ from bicubic only a little, at edges such as the
# camera's outline, as the table's small differences said.

# %% [markdown] tags=["lang-ko"]
# ## 7. 원문의 표와 비교
#
# | 원문의 주장 | 이 실험이 말하는 것 |
# |---|---|
# | 품질: TransConv "보통", Upsample+Conv "좋음", Pixel Shuffle "좋음" | 여섯 모델 모두 쌍삼차 보간을 조금 넘어섰고(5절), 모델 사이의 차이는 시드에 따른 흔들림과 크기가 비슷합니다. 원문처럼 방법마다 품질 등급을 매길 근거는 이 측정에서 나오지 않습니다. |
# | 체커보드: TransConv "있을 수 있음" | 초기화 직후에는 뚜렷하고(레슨 04), 학습 뒤에는 사진에서 쌍삼차 보간이 주는 바닥값 근처까지 줄었습니다. 6절의 문장이 평평한 이미지에서 남은 무늬의 크기를 8비트 밝기 단계로 말해 줍니다. |
# | 체커보드: Upsample+Conv "없음" | 평평한 입력에 대해서는 맞습니다. 보간이 평평한 입력을 평평하게 키우므로 학습 뒤에도 무늬의 RMS가 0입니다. |
# | 체커보드: Pixel Shuffle "거의 없음" | 기본 초기화에서는 초기화 직후 뚜렷합니다. ICNR로 무늬 없이 출발해도 학습이 위상마다 다른 가중치를 만들면 평평한 이미지에서 작은 무늬가 다시 생깁니다. |
# | 속도: Upsample+Conv "보통" | 4절의 학습 시간에서 가장 느린 편이었습니다. 곱셈-덧셈 수 때문이 아니라 구현 때문입니다(레슨 05). |
#
# **이 실험의 한계.** 작은 몸통 하나, 500단계, 휘도 채널, ×2, 상자 필터로 줄인 입력, 평가용 사진 세 장, 모델당 시드
# 하나(시드 비교는 한 모델만)입니다. 더 오래 학습하거나 더 큰 모델에서는 순위가 달라질 수 있습니다. 이 레슨이 보여
# 주는 것은 "어떤 방법이 더 좋다"가 아니라, 그런 주장을 하려면 무엇을 재야 하고 그 차이가 잡음보다 커야 한다는
# 것입니다.

# %% [markdown] tags=["lang-en"]
# ## 7. Back to the document's table
#
# | The document claims | What this experiment says |
# |---|---|
# | Quality: TransConv "average", Upsample+Conv "good", Pixel Shuffle "good" | All six beat bicubic by a little (section 5), and their differences are about the size of the seed-to-seed spread: nothing here supports grading the methods as the document does. |
# | Checkerboard: TransConv "possible" | Clear at initialization (lesson 04); after training, on the photograph, down to about the floor that bicubic interpolation shows. Section 6's sentence gives the size of what is left on a flat image in 8-bit grey levels. |
# | Checkerboard: Upsample+Conv "none" | Right for a flat input: interpolation grows a flat input into a flat map, so the pattern's RMS stays 0 after training. |
# | Checkerboard: Pixel Shuffle "almost none" | Clear right after default initialization. ICNR starts it without a pattern, but training can make the phases' weights differ again, and a small pattern comes back on a flat image. |
# | Speed: Upsample+Conv "average" | Among the slowest to train in section 4, because of the implementation, not the multiply-adds (lesson 05). |
#
# **Limits of this experiment.** One small body, 500 steps, the luminance channel, ×2, box-filter
# downscaling, three evaluation photographs, one seed per model (the seed check covers one model only). Longer
# training or larger models may rank the methods differently. What this lesson shows is not "which method is
# better" but what one has to measure before saying so, and that the difference must exceed the noise.

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - scikit-image 휠에 들어 있는 사진만으로, 네트워크 없이 재현 가능한 초해상도 실험을 만들 수 있습니다.
# - 같은 몸통, 같은 시드, 같은 학습 예산에서 업샘플러만 바꾸면 업샘플러의 효과만 따로 잴 수 있습니다.
# - 짧은 학습에서는 여섯 업샘플러가 모두 쌍삼차 보간을 조금 넘어서고, 서로의 차이는 시드에 따른 흔들림에 묻힙니다.
# - 체커보드는 측정 대상입니다. 초기화 직후의 강도, 학습 뒤의 강도, 그리고 그 무늬가 밝기 몇 단계인지를 함께 봐야
#   합니다.
#
# **참고 문헌**
#
# - W. Shi 외, *Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional Neural
#   Network* (ESPCN), CVPR 2016, arXiv:1609.05158 (2016a).
# - A. Aitken 외, *Checkerboard artifact free sub-pixel convolution*, arXiv:1707.02937 (2017).
# - A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill (2016),
#   distill.pub/2016/deconv-checkerboard.
# - J. Kim, J. K. Lee, K. M. Lee, *Accurate Image Super-Resolution Using Very Deep Convolutional Networks* (VDSR),
#   CVPR 2016, arXiv:1511.04587.
# - Z. Wang, A. C. Bovik, H. R. Sheikh, E. P. Simoncelli, *Image Quality Assessment: From Error Visibility to
#   Structural Similarity*, IEEE Transactions on Image Processing 13(4), 2004.
# - S. van der Walt 외, *scikit-image: image processing in Python*, PeerJ 2:e453 (2014).

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - The photographs inside the scikit-image wheel are enough for a reproducible super-resolution experiment with
#   no network.
# - With one body, one seed and one training budget, swapping only the upsampler isolates its effect.
# - With short training all six upsamplers beat bicubic by a little, and their differences drown in the
#   seed-to-seed spread.
# - A checkerboard is something to measure: its strength at initialization, after training, and how many grey
#   levels the pattern spans.
#
# **References**
#
# - W. Shi et al., *Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional
#   Neural Network* (ESPCN), CVPR 2016, arXiv:1609.05158 (2016a).
# - A. Aitken et al., *Checkerboard artifact free sub-pixel convolution*, arXiv:1707.02937 (2017).
# - A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill (2016),
#   distill.pub/2016/deconv-checkerboard.
# - J. Kim, J. K. Lee, K. M. Lee, *Accurate Image Super-Resolution Using Very Deep Convolutional Networks* (VDSR),
#   CVPR 2016, arXiv:1511.04587.
# - Z. Wang, A. C. Bovik, H. R. Sheikh, E. P. Simoncelli, *Image Quality Assessment: From Error Visibility to
#   Structural Similarity*, IEEE Transactions on Image Processing 13(4), 2004.
# - S. van der Walt et al., *scikit-image: image processing in Python*, PeerJ 2:e453 (2014).

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. 여섯 모델이 몸통, 시드, 학습 예산을 모두 같이 쓰고 쌍삼차 보간으로 키운 입력에 출력을 더하는 까닭은 무엇일까요? (→ 3, 4절)
# 2. 한 모델의 PSNR이 다른 모델보다 0.5 dB 높다면 평균 제곱 오차는 몇 배일까요? (→ 5절)
# 3. 두 업샘플러의 PSNR이 0.05 dB 차이 나는데, 한 모델을 시드만 바꿔 다시 학습하면 0.1 dB 움직입니다. 무엇을 결론 내릴 수 있을까요? (→ 5절)
# 4. 학습한 모델의 체커보드를 사진에서 잰 강도만으로 판단하지 않고 평평한 이미지에서 밝기 단계로도 재는 까닭은 무엇일까요? (→ 6절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. Why do the six models share one body, one seed and one training budget, and add their output to the bicubic enlargement of the input? (→ sections 3, 4)
# 2. One model's PSNR is 0.5 dB above another's. By what factor is its mean squared error smaller? (→ section 5)
# 3. Two upsamplers differ by 0.05 dB PSNR, and retraining one with another seed moves it by 0.1 dB. What can you conclude? (→ section 5)
# 4. Why is a trained model's checkerboard measured in grey levels on a flat image, not only by its strength on a photograph? (→ section 6)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 문제마다 아래에 접힌 풀이 셀이 있으니, 먼저 직접 풀어 본 뒤
# 펼쳐 보세요. 어느 문제도 모델을 다시 학습하지 않습니다.
#
# **1. (워밍업)** `output_padding` 없이 `nn.ConvTranspose2d(16, 1, kernel_size=3, stride=2, padding=1)`을 16×16 입력에
# 적용하면 출력의 한 변은 몇 픽셀일까요?

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. Each exercise is followed by a
# collapsed solution cell: expand it only after you have tried. No exercise retrains a model.
#
# **1. (warm-up)** Without `output_padding`, what is the side of the output of
# `nn.ConvTranspose2d(16, 1, kernel_size=3, stride=2, padding=1)` on a 16×16 input?

# %%
answer = ...
check("09.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = nn.ConvTranspose2d(16, 1, kernel_size=3, stride=2, padding=1)(torch.zeros(1, 16, 16, 16)).shape[-1]
verify("09.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** 커널 크기를 바꿔 봅시다. ConvT k3s2 업샘플러를 커널 5, 스트라이드 2, `output_padding=1`로 바꿀 때, 16×16
# 입력이 정확히 32×32가 되려면 `padding`은 얼마여야 할까요?

# %% [markdown] tags=["lang-en"]
# **2.** Change the kernel size: make the ConvT k3s2 upsampler kernel 5, stride 2, `output_padding=1`. Which
# `padding` turns a 16×16 input into exactly 32×32?

# %%
answer = ...
check("09.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = next(p for p in range(5)
                if nn.ConvTranspose2d(16, 1, 5, stride=2, padding=p, output_padding=1)(torch.zeros(1, 16, 16, 16)).shape[-1] == 32)
verify("09.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3.** 픽셀 셔플 업샘플러(`nn.Conv2d(16, 4, 3, padding=1)` + `nn.PixelShuffle(2)`)의 파라미터 수는 보간 + 합성곱
# 업샘플러(`nn.Conv2d(16, 1, 3, padding=1)`)의 몇 배일까요?

# %% [markdown] tags=["lang-en"]
# **3.** How many times as many parameters does the pixel-shuffle upsampler (`nn.Conv2d(16, 4, 3, padding=1)` +
# `nn.PixelShuffle(2)`) have as the interpolation + convolution upsampler (`nn.Conv2d(16, 1, 3, padding=1)`)?

# %%
answer = ...
check("09.3", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = count(nn.Conv2d(16, 4, 3, padding=1)) // count(nn.Conv2d(16, 1, 3, padding=1))
verify("09.3", solution)

# %% [markdown] tags=["lang-ko"]
# **4.** 어느 모델의 출력에 무늬가 생길지 예측해 봅시다. 여섯 업샘플러의 가중치를 모두 1, 편향을 모두 0으로 두고
# 평평한 입력을 넣으면, 출력에 체커보드 무늬가 생기는 업샘플러는 몇 개일까요?

# %% [markdown] tags=["lang-en"]
# **4.** Predict which model's output shows a pattern. Set every weight of the six upsamplers to 1 and every bias
# to 0, and feed a flat input. How many of them answer with a checkerboard pattern?

# %%
answer = ...
check("09.4", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
equal = {name: make() for name, make in UPSAMPLERS.items()}
with torch.no_grad():
    for layer in equal.values():
        for parameter_name, parameter in layer.named_parameters():
            parameter.fill_(1.0 if parameter_name.endswith("weight") else 0.0)
    solution = sum(checkerboard_strength(layer(torch.ones(1, WIDTH, 12, 12))) > 1e-6 for layer in equal.values())
verify("09.4", solution)

# %% [markdown] tags=["lang-ko"]
# **5. (코딩)** 5절의 PSNR을 직접 계산하는 함수를 써 봅시다. `psnr(prediction, target)`은 값의 범위가 [0, 1]인
# `(N, C, H, W)` 이미지 두 묶음을 받아, 이미지마다 PSNR(dB)을 하나씩 담은 `(N,)` 텐서를 돌려줍니다. 채점기는
# `F.mse_loss(..., reduction="none")`로 구한 이미지별 MSE에서 계산한 값과 비교합니다.
#
# 막히면 `hint("09.5", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **5. (coding)** Write section 5's PSNR yourself. `psnr(prediction, target)` takes two batches of `(N, C, H, W)`
# images with values in [0, 1] and returns an `(N,)` tensor holding one PSNR (dB) per image. The checker compares
# it with the values computed from per-image MSEs obtained with `F.mse_loss(..., reduction="none")`.
#
# Stuck? Run `hint("09.5", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def psnr(prediction, target):
    ...


check_code("09.5", psnr, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(prediction, target):
    mse = ((prediction - target) ** 2).flatten(1).mean(dim=1)
    return 10 * torch.log10(1 / mse)


verify_code("09.5", solution)

# %% [markdown] tags=["lang-ko"]
# # 01. 왜 업샘플링이 필요한가
#
# 합성곱 신경망(CNN)의 인코더는 특징 맵을 단계마다 작게 만듭니다. 그런데 분할, 이미지 생성, 초해상도처럼
# **입력보다 큰 출력**이 필요한 작업이 있습니다. 이 레슨에서는 세 가지 상황을 실제 텐서로 만들어 보고,
# 합성곱·풀링·고정된 보간만으로는 왜 부족한지 코드로 확인합니다. 그 빈자리를 채우는 것이
# **학습 가능한 업샘플링**, 곧 전치 합성곱(transposed convolution)입니다.
#
# 이 레슨에서 출력되는 모든 크기와 개수는 아래 코드가 계산한 값이며, CI가 매번 다시 실행해 확인합니다.

# %% [markdown] tags=["lang-en"]
# # 01. Why upsampling?
#
# A CNN encoder makes its feature maps smaller at every stage. Yet segmentation, image generation and
# super-resolution all need an **output larger than the input**. In this lesson we build the three
# situations with real tensors and check in code why convolution, pooling and fixed interpolation fall
# short. What fills the gap is a **learnable upsampler**: the transposed convolution.
#
# Every size and count printed here is computed by the code below, and CI re-runs it every time.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** 인코더가 특징 맵을 얼마나 줄이고 2배 업샘플링 몇 번으로 되돌릴 수 있는지 계산하고, 합성곱의 패딩을 키워 늘린 바깥쪽 칸에는 정보가 없고 풀링은 맵을 거의 키우지 못하는 이유를 설명하고, 최근접 이웃 보간이 전치 합성곱의 한 가중치 설정임을 보일 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** compute how far an encoder shrinks a feature map and how many 2× upsampling steps bring it back, explain why the outer cells that a large convolution padding adds carry no information and why pooling barely grows a map, and show that nearest-neighbour interpolation is one weight setting of a transposed convolution.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 1절의 코드를 실행하기 전에 물어보세요. 256×256 이미지가 인코더 단계를 다섯 번 지나면 얼마나
# 작아질까요? 답은 코드가 출력합니다. 이 레슨이 전할 것은 하나입니다. 합성곱과 풀링은 맵을 키우지 못하고, 고정된 보간에는
# 학습할 파라미터가 없으니 학습 가능한 업샘플링이 필요합니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** Before running section 1, ask: how small does a 256×256 image get after five encoder stages?
# The code prints the answer. The lesson has one message: convolution and pooling cannot grow a map, and a fixed
# interpolation has no parameters to learn, so we need a learnable upsampler.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import math

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.claims import claim
from course_utils.diagrams import encoder_decoder
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.notebook import setup

torch.set_grad_enabled(False)
setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 인코더는 줄인다
#
# 전형적인 인코더 단계는 `3×3 합성곱(padding=1) → ReLU → 2×2 최대 풀링`입니다. 합성곱은 크기를 그대로 두고,
# 풀링이 가로·세로를 절반으로 줄입니다. 256×256 이미지가 이 단계를 다섯 번 거치면 어떻게 되는지 봅시다.

# %% [markdown] tags=["lang-en"]
# ## 1. The encoder shrinks
#
# A typical encoder stage is `3×3 convolution (padding=1) → ReLU → 2×2 max pooling`. The convolution keeps
# the size and the pooling halves height and width. Let us pass a 256×256 image through five such stages.

# %%
def encoder_stage(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))


channels = [3, 8, 16, 32, 64, 128]
encoder = nn.Sequential(*[encoder_stage(a, b) for a, b in zip(channels, channels[1:])])

image = torch.randn(1, 3, 256, 256)
features = image
print("image:     ", tuple(features.shape))
for number, stage in enumerate(encoder, start=1):
    features = stage(features)
    print(f"encoder[{number - 1}]:", tuple(features.shape))

# %% [markdown] tags=["lang-ko"]
# 공간 크기는 256 → 128 → 64 → 32 → 16 → 8로 줄고, 채널은 3에서 128로 늘어납니다. 작은 특징 맵의 한 칸은
# 입력의 넓은 영역을 요약합니다. 분류라면 여기서 끝나도 되지만, 아래 세 작업은 그렇지 않습니다.

# %% [markdown] tags=["lang-en"]
# The spatial size goes 256 → 128 → 64 → 32 → 16 → 8 while the channels grow from 3 to 128. Each cell of the
# small map summarises a wide patch of the input. A classifier could stop here; the three tasks below cannot.

# %% [markdown] tags=["lang-ko"]
# ## 2. 분할: 모든 픽셀에 레이블이 필요하다
#
# 의미론적 분할은 픽셀마다 "고양이인가, 개인가, 배경인가"를 맞혀야 하므로 정답 마스크도 입력과 같은
# 256×256입니다. 인코더 출력(8×8)에 1×1 합성곱을 적용해 클래스 점수를 구하면 점수 맵도 8×8이라서, 손실을
# 계산하는 순간 크기가 맞지 않는다는 오류가 납니다. (아래 셀은 일부러 오류를 냅니다.)

# %% [markdown] tags=["lang-en"]
# ## 2. Segmentation: every pixel needs a label
#
# Semantic segmentation labels every pixel ("cat, dog or background?"), so the target mask is 256×256 like the
# input. A 1×1 convolution on the encoder output gives class scores on an 8×8 grid, and the loss refuses
# the size mismatch. (The next cell raises an error on purpose.)

# %% tags=["raises-exception"]
num_classes = 3
mask = torch.randint(0, num_classes, (1, 256, 256))
scores = nn.Conv2d(channels[-1], num_classes, kernel_size=1)(features)
print("scores:", tuple(scores.shape), "mask:", tuple(mask.shape))
F.cross_entropy(scores, mask)

# %% [markdown] tags=["lang-ko"]
# 점수 맵의 한 칸이 입력의 몇 픽셀을 대신하는지 계산해 보면, 디코더가 맵을 얼마나 키워야 하는지 알 수 있습니다.

# %% [markdown] tags=["lang-en"]
# How many input pixels does one score cell stand for? That is how much the decoder must grow the map.

# %%
factor = mask.shape[-1] // scores.shape[-1]
print("factor × factor:", f"{factor}×{factor}")
print("log2(factor):", int(math.log2(factor)))

# %% [markdown] tags=["lang-ko"]
# 디코더는 인코더를 거꾸로 따라 8 → 16 → … → 256으로, 2배 업샘플링을 다섯 번 거쳐 되돌아갑니다. U-Net은
# 여기에 인코더의 각 특징 맵을 크기가 같은 디코더 단계로 바로 넘기는 스킵 연결을 더합니다(레슨 06).

# %% [markdown] tags=["lang-en"]
# A decoder retraces the encoder, 8 → 16 → … → 256, in five 2× upsampling steps. U-Net adds skip connections
# that hand each encoder feature map straight to the decoder stage of the same size (lesson 06).

# %%
encoder_decoder([256, 128, 64, 32, 16, 8], LANG)

# %% [markdown] tags=["lang-ko"]
# ## 3. 이미지 생성: 1×1 잡음에서 256×256 이미지로
#
# GAN의 생성자는 무작위 수 512개로 이루어진 잠재 벡터, 즉 `(1, 512, 1, 1)` 텐서에서 출발해
# `(1, 3, 256, 256)` 이미지를 만들어야 합니다. 공간 크기가 1에서 256으로 커지는 과정을 전치 합성곱 일곱 층으로
# 미리 보겠습니다. 각 층의 출력 크기가 왜 이렇게 나오는지는 레슨 02와 03에서 유도합니다.

# %% [markdown] tags=["lang-en"]
# ## 3. Image generation: from 1×1 noise to a 256×256 image
#
# A GAN generator starts from a latent vector of 512 random numbers, a `(1, 512, 1, 1)` tensor, and must produce a
# `(1, 3, 256, 256)` image. Here is a preview: seven transposed-convolution layers grow the size from 1 to
# 256. Lessons 02 and 03 derive why each layer gives the size it does.

# %%
widths = [512, 256, 128, 64, 32, 16, 8, 3]
generator = nn.Sequential(
    nn.ConvTranspose2d(widths[0], widths[1], kernel_size=4, stride=1, padding=0),
    *[nn.ConvTranspose2d(a, b, kernel_size=4, stride=2, padding=1) for a, b in zip(widths[1:], widths[2:])],
)

z = torch.randn(1, 512, 1, 1)
print("z:           ", tuple(z.shape))
for number, layer in enumerate(generator, start=1):
    z = layer(z)
    print(f"generator[{number - 1}]:", tuple(z.shape))

# %% [markdown] tags=["lang-ko"]
# ## 4. 초해상도: 64×64를 256×256으로 (×4)
#
# 여기서 초해상도는 저해상도 이미지로부터 가로·세로가 각각 4배인 이미지를 복원하는 작업입니다. ×4는 ×2를
# 두 번 한 것이므로, 2배 업샘플링 층 두 개면 크기가 맞습니다.

# %% [markdown] tags=["lang-en"]
# ## 4. Super-resolution: 64×64 to 256×256 (×4)
#
# Here super-resolution recovers an image with four times the height and width of its low-resolution input.
# ×4 is ×2 twice, so two 2× upsampling layers give the right size.

# %%
low_res = torch.randn(1, 3, 64, 64)
sr = nn.Sequential(
    nn.ConvTranspose2d(3, 16, kernel_size=4, stride=2, padding=1),
    nn.ReLU(),
    nn.ConvTranspose2d(16, 3, kernel_size=4, stride=2, padding=1),
)
high_res = sr(low_res)
print("low_res: ", tuple(low_res.shape))
print("high_res:", tuple(high_res.shape))
print("scale:", high_res.shape[-1] // low_res.shape[-1])

# %% [markdown] tags=["lang-ko"]
# ## 5. 합성곱과 풀링으로는 왜 키울 수 없을까
#
# 팽창이 없는 합성곱의 출력 크기는 $O = \lfloor (I + 2P - K)/S \rfloor + 1$입니다. 패딩 $P$를 크게 주면
# 출력이 입력보다 커지기는 합니다. 그러나 바깥쪽 칸은 0으로 채운 패딩만 보므로 편향 값만 담게 됩니다.
# 실제로 세어 보겠습니다.

# %% [markdown] tags=["lang-en"]
# ## 5. Why convolution and pooling cannot grow a map
#
# Without dilation, a convolution's output size is $O = \lfloor (I + 2P - K)/S \rfloor + 1$. With a large
# padding $P$ the output does get bigger than the input, but the outer cells see nothing but zero padding,
# so they hold only the bias. Let us count.

# %%
conv = nn.Conv2d(1, 1, kernel_size=3, padding=5)
small = torch.randn(1, 1, 8, 8)
grown = conv(small)
bias_only = grown[0, 0] == conv.bias
print("small:", tuple(small.shape), "grown:", tuple(grown.shape))
print("(~bias_only).sum():", int((~bias_only).sum()), "/", bias_only.numel())
print("bias_only.sum():", int(bias_only.sum()))

# %% [markdown] tags=["lang-ko"]
# 16×16 출력 256칸 가운데 입력을 조금이라도 본 칸은 가운데의 100칸뿐이고, 나머지 156칸은 편향 값만 담은,
# 정보가 없는 칸입니다.
#
# 풀링은 어떨까요? PyTorch는 풀링의 패딩을 커널 크기의 절반 이하로 제한합니다. 커널 1–5, 스트라이드 1–3에서
# 허용되는 패딩을 입력 크기 1–64에 대해 모두 시험해, 출력이 입력보다 최대 몇 픽셀 커지는지 찾아봅니다.

# %% [markdown] tags=["lang-en"]
# Of the 256 cells of the 16×16 output, only the central 100 saw any input; the other 156 hold only the bias
# and carry no information.
#
# And pooling? PyTorch limits pooling padding to at most half the kernel size. For kernels 1 to 5 and
# strides 1 to 3 we try every allowed padding on inputs of size 1 to 64, and find the largest growth of the
# output over the input.

# %%
largest_growth, example = 0, None
for k in range(1, 6):
    for s in range(1, 4):
        for p in range(0, k // 2 + 1):
            pool = nn.MaxPool2d(k, stride=s, padding=p)
            for size in range(max(1, k - 2 * p), 65):
                out = pool(torch.zeros(1, 1, size, size)).shape[-1]
                if out - size > largest_growth:
                    largest_growth, example = out - size, (k, s, p, size, out)
print("largest_growth:", largest_growth)
print("example:", example)

# %% [markdown] tags=["lang-ko"]
# 이 범위에서 풀링은 특징 맵을 기껏해야 한 픽셀 늘릴 뿐입니다. 8을 256으로 키우는 도구가 아닙니다.

# %% [markdown] tags=["lang-en"]
# In this range pooling grows a map by one pixel at most. It is no tool for turning 8 into 256.

# %% [markdown] tags=["lang-ko"]
# ## 6. 고정된 보간에는 학습할 것이 없다
#
# 크기만 키우는 가장 쉬운 방법은 보간입니다. `nn.Upsample`은 최근접 이웃 보간이나 쌍선형 보간으로 값을
# 채웁니다. 2×2 입력으로 결과를 직접 보고, 학습할 파라미터가 몇 개인지 세어 봅시다.

# %% [markdown] tags=["lang-en"]
# ## 6. Fixed interpolation has nothing to learn
#
# The easiest way to grow a map is interpolation. `nn.Upsample` fills values by nearest-neighbour or
# bilinear interpolation. Let us look at the result on a 2×2 input and count its learnable parameters.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** "그냥 보간하면 되지 않나요?"라는 질문이 자주 나옵니다. 보간 + 합성곱은 레슨 05에서 다루는 세 방법
# 가운데 하나이고, 레슨 09에서 실제 사진으로 잽니다. 여기서는 보간 자체에 파라미터가 없다는 점만 확인하고 넘어가세요.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** "Why not just interpolate?" comes up often. Interpolation + convolution is one of the three
# methods of lesson 05, and lesson 09 measures it on real photographs. Here, only establish that interpolation
# itself has no parameters, and move on.

# %%
tiny = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]])
nearest = nn.Upsample(scale_factor=2, mode="nearest")
bilinear = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)
print("nearest:\n", nearest(tiny)[0, 0])
print("bilinear:\n", bilinear(tiny)[0, 0])
print("Σ numel:", sum(p.numel() for p in nearest.parameters()),
      sum(p.numel() for p in bilinear.parameters()))

# %% [markdown] tags=["lang-ko"]
# 두 보간 모두 파라미터가 0개입니다. 어떤 데이터를 보여 주어도 늘 같은 방식으로 값을 채웁니다.
#
# 전치 합성곱은 다릅니다. 커널 2, 스트라이드 2인 전치 합성곱에는 편향 없이 학습할 파라미터가 4개 있고, 이 가중치를 모두
# 1로 두면 최근접 이웃 보간과 **정확히 같은** 결과가 나옵니다. 즉 최근접 이웃 보간은 전치 합성곱의 여러
# 가중치 설정 가운데 하나일 뿐이고, 학습을 통해 작업에 더 알맞은 가중치를 찾을 수 있습니다.

# %% [markdown] tags=["lang-en"]
# Both have zero parameters: whatever data they see, they fill the map the same way.
#
# A transposed convolution is different. With kernel 2 and stride 2 and without bias it has 4 learnable parameters, and
# with all these weights set to 1 it gives **exactly** the nearest-neighbour result. Nearest-neighbour
# interpolation is just one weight setting a transposed convolution can take; training can find weights that
# suit the task better.

# %%
learnable = nn.ConvTranspose2d(1, 1, kernel_size=2, stride=2, bias=False)
learnable.weight.fill_(1.0)
print("Σ numel:", sum(p.numel() for p in learnable.parameters()))
claim("torch.equal(learnable(tiny), nearest(tiny))", torch.equal(learnable(tiny), nearest(tiny)))

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - 인코더는 합성곱과 풀링으로 특징 맵을 줄입니다(256 → 8).
# - 분할·생성·초해상도는 출력이 커야 합니다(8 → 256, 1 → 256, 64 → 256).
# - 합성곱의 패딩과 풀링으로는 정보가 담긴 값을 늘릴 수 없고, 보간에는 학습할 파라미터가 없습니다.
# - 전치 합성곱은 최근접 이웃 보간을 특수한 경우로 포함하는 **학습 가능한 업샘플링**입니다. 다음 레슨에서
#   동작 원리를 살펴봅니다. 전치 합성곱의 크기 계산은 Dumoulin과 Visin 2016이 그림과 함께 자세히 정리했습니다.
#
# **참고 문헌**
#
# - **Dumoulin과 Visin 2016**: V. Dumoulin, F. Visin, *A guide to convolution arithmetic for deep learning*,
#   arXiv:1603.07285, 2016, <https://arxiv.org/abs/1603.07285>.

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - An encoder shrinks feature maps with convolution and pooling (256 → 8).
# - Segmentation, generation and super-resolution need large outputs (8 → 256, 1 → 256, 64 → 256).
# - Convolution padding and pooling cannot add informative values, and interpolation has nothing to learn.
# - A transposed convolution is a **learnable upsampler** that includes nearest-neighbour interpolation as a
#   special case.
#   The next lesson shows how it works. Dumoulin and Visin 2016 work out its size arithmetic in detail, with
#   figures.
#
# **References**
#
# - **Dumoulin and Visin 2016**: V. Dumoulin, F. Visin, *A guide to convolution arithmetic for deep learning*,
#   arXiv:1603.07285, 2016, <https://arxiv.org/abs/1603.07285>.

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. 512×512 이미지가 1절의 인코더 단계를 네 번 지나면 한 변이 몇 픽셀이 되고, 되돌리려면 2배 업샘플링을 몇 번 해야 할까요? (→ 1, 2절)
# 2. 8×8 입력에 padding=5인 3×3 합성곱을 하면 16×16이 됩니다. 늘어난 바깥쪽 칸에는 왜 정보가 없고, 풀링은 맵을 최대 몇 픽셀 키울 수 있나요? (→ 5절)
# 3. 커널 2, 스트라이드 2인 전치 합성곱의 가중치를 어떻게 두면 최근접 이웃 보간과 같아지고, 학습하면 무엇이 달라지나요? (→ 6절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. After four of section 1's encoder stages, what is the side of a 512×512 image, and how many 2× upsampling steps bring it back? (→ sections 1, 2)
# 2. A 3×3 convolution with padding=5 turns an 8×8 input into 16×16. Why do the outer cells it adds carry no information, and by how many pixels at most can pooling grow a map? (→ section 5)
# 3. How must the weights of a kernel-2, stride-2 transposed convolution be set to give nearest-neighbour interpolation, and what changes when they are trained? (→ section 6)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 문제마다 아래에 접힌 풀이 셀이 있으니, 먼저 직접 풀어 본 뒤
# 펼쳐 보세요.
#
# **1.** 생성자가 4×4 특징 맵에서 시작해 512×512 이미지를 만든다면, 2배 업샘플링을 몇 번 해야 할까요?

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. Each exercise is followed by a
# collapsed solution cell: expand it only after you have tried.
#
# **1.** A generator starts from a 4×4 feature map and makes a 512×512 image. How many 2× upsampling steps
# does it need?

# %%
answer = ...
check("01.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = int(math.log2(512 // 4))
verify("01.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** 위와 같은 인코더 단계(padding=1인 3×3 합성곱 + 2×2 최대 풀링) 다섯 개에 224×224 이미지를 넣으면
# 마지막 특징 맵의 한 변은 몇 픽셀일까요?

# %% [markdown] tags=["lang-en"]
# **2.** Feed a 224×224 image through five encoder stages like the ones above (3×3 convolution with padding=1,
# then 2×2 max pooling). What is the side of the last feature map?

# %%
answer = ...
check("01.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
side = torch.zeros(1, 1, 224, 224)
for _ in range(5):
    side = encoder_stage(1, 1)(side)
solution = side.shape[-1]
verify("01.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3. (워밍업)** `nn.Upsample(scale_factor=4, mode="bilinear")`에는 학습 가능한 파라미터가 몇 개 있을까요?

# %% [markdown] tags=["lang-en"]
# **3. (warm-up)** How many learnable parameters does `nn.Upsample(scale_factor=4, mode="bilinear")` have?

# %%
answer = ...
check("01.3", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = sum(p.numel() for p in nn.Upsample(scale_factor=4, mode="bilinear").parameters())
verify("01.3", solution)

# %% [markdown] tags=["lang-ko"]
# **4. (코딩)** 전치 합성곱을 계산하는 한 방법(레슨 02)은 입력 값 사이에 0을 넣는 것으로 시작합니다. 이
# **0 삽입**을 직접 구현해 봅시다. `zero_insert(x, stride)`는 `(N, C, H, W)` 텐서를 받아, 이웃한 입력 값 사이에
# `stride − 1`개씩 0을 넣은 `(N, C, (H−1)·stride+1, (W−1)·stride+1)` 텐서를 돌려줍니다. 입력 `x`는 바꾸지 말고 새
# 텐서를 만드세요.
#
# 아래 셀의 `...`를 함수 본문으로 바꾸고 실행하면, 채점기가 작은 사례부터 큰 사례까지 PyTorch의 결과와 비교해
# 처음 틀린 사례의 설정과 기대한 값, 받은 값을 보여 줍니다. 막히면 `hint("01.4", LANG, step=1)`을 실행하세요.
# step을 2, 3으로 올리면 핵심 아이디어와 풀이가 차례로 나옵니다.

# %% [markdown] tags=["lang-en"]
# **4. (coding)** One way to compute a transposed convolution (lesson 02) starts by putting zeros between the input
# values. Implement this **zero insertion**: `zero_insert(x, stride)` takes an `(N, C, H, W)` tensor and returns the
# `(N, C, (H−1)·stride+1, (W−1)·stride+1)` tensor with `stride − 1` zeros between neighbouring input values. Do not
# change `x`; build a new tensor.
#
# Replace `...` in the next cell with the function body and run it: the checker compares your function with
# PyTorch on cases from small to large and shows the first failing case, with its settings, the expected values
# and yours. Stuck? Run `hint("01.4", LANG, step=1)`; steps 2 and 3 give the idea and then the solution.

# %%
def zero_insert(x, stride):
    ...


check_code("01.4", zero_insert, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(x, stride):
    n, c, h, w = x.shape
    out = x.new_zeros(n, c, (h - 1) * stride + 1, (w - 1) * stride + 1)
    out[..., ::stride, ::stride] = x
    return out


verify_code("01.4", solution)

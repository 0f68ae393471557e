# %% [markdown] tags=["lang-ko"]
# # 03. 출력 크기 계산
#
# 전치 합성곱 층을 설계할 때 가장 먼저 묻는 것은 "출력이 몇 픽셀인가?"입니다. 레슨 02의 흩뿌려 더하기 그림에서
# 출력 크기 공식을 유도하고, 팽창까지 넣은 일반형과 합성곱 공식과의 역관계를 본 뒤, `output_padding`이 왜 필요하고
# PyTorch가 무엇을 검사하는지 코드로 확인합니다. 원문의 공식 $O = (I-1)\,S - 2P + K + P_{out}$은 팽창이 1일 때만
# 맞고, 원문의 합성곱 공식에는 내림이 빠져 있습니다. 둘 다 PyTorch가 계산한 값으로 바로잡습니다.
#
# 기호: $I$ 입력 크기, $K$ 커널 크기, $S$ 스트라이드, $P$ 패딩, $P_{out}$ 출력 패딩(`output_padding`),
# $D$ 팽창(`dilation`), $O$ 출력 크기. 모두 한 축의 값이며, 2-D에서는 세로와 가로에 같은 식을 따로
# 적용합니다.

# %% [markdown] tags=["lang-en"]
# # 03. Output size
#
# The first question when you design a transposed-convolution layer is "how many pixels come out?". We derive the
# output-size formula from lesson 02's scatter-add picture, extend it with dilation, relate it to the convolution
# formula, and check in code why `output_padding` exists and what PyTorch enforces. The document's formula
# $O = (I-1)\,S - 2P + K + P_{out}$ holds only for dilation 1, and its convolution formula lacks the floor;
# PyTorch's values correct both.
#
# Symbols: $I$ input size, $K$ kernel size, $S$ stride, $P$ padding, $P_{out}$ output padding
# (`output_padding`), $D$ dilation, $O$ output size. Each is a value along one axis; in 2-D the same formula
# gives the height and the width separately.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** 흩뿌려 더하기 그림에서 전치 합성곱의 출력 크기를 팽창과 `output_padding`까지 넣어 계산하고, 출력이 정확히 입력의 $S$배가 되는 $K$, $P$, $P_{out}$을 고르고, `output_padding`이 왜 필요하며 PyTorch가 어떤 값을 받는지 설명할 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** compute a transposed convolution's output size from the scatter-add picture, with dilation and `output_padding`; choose $K$, $P$ and $P_{out}$ that give exactly $S$ times the input; and explain why `output_padding` exists and which values PyTorch accepts.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 공식을 외우게 하지 말고 흩뿌려 더하기 그림을 바탕으로 칠판에서 유도해 보세요. 길이 $(I-1)\,S +
# K$에서 양쪽 $P$칸을 잘라 내고 $P_{out}$칸을 더하면 됩니다. 원문의 공식에는 팽창이 빠져 있고, 합성곱 공식에는
# 내림이 없습니다. 레슨이 두 가지를 모두 코드로 보여 줍니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** Rather than having learners memorise the formula, derive it on the board from the
# scatter-add picture: from the length $(I-1)\,S + K$, crop $P$ on each side and add $P_{out}$. The document's
# formula leaves out dilation, and its convolution formula has no floor; the lesson shows both in code.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.arithmetic import RuleError, conv_transpose_output_size, output_size_range
from course_utils.claims import claim, close
from course_utils.diagrams import size_strip
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.i18n import message
from course_utils.notebook import setup
from course_utils.widgets import SizeCalculator

torch.set_grad_enabled(False)
setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 흩뿌려 더하기에서 공식으로
#
# 1-D로 생각하면 충분합니다. 전치 합성곱은 입력 값 하나마다 커널 전체에 그 값을 곱해 출력에 더합니다.
# 입력이 한 칸 옮겨 갈 때마다 출력에 더하는 자리는 $S$칸씩 옮겨 갑니다. 그러므로
#
# - 첫 입력($i = 0$)의 사본은 0번 칸에서 시작하고,
# - 마지막 입력($i = I-1$)의 사본은 $(I-1)\,S$번 칸에서 시작해 $K$칸을 덮습니다.
#
# 잘라내기 전의 길이는 $(I-1)\,S + K$입니다. 전치 합성곱의 패딩 $P$는 칸을 더하지 않고 양쪽 끝에서
# $P$칸씩 **잘라 냅니다**. $P$는 같은 설정의 합성곱이 입력에 붙이는 패딩이고, 전치 합성곱의 출력은 그
# 합성곱의 입력에 해당하므로 패딩 부분을 버리는 것입니다. 마지막으로 `output_padding`은 한쪽 끝(아래쪽과
# 오른쪽)에 $P_{out}$칸을 더합니다.
#
# $$O = (I-1)\,S + K - 2P + P_{out}$$
#
# 원문의 공식과 같습니다. 입력 `[1, 2, 3]`과 커널 `[1, 10, 100]`으로 직접 흩뿌려 더하고 PyTorch와 비교해
# 봅시다($S = 2$, $P = 1$).

# %% [markdown] tags=["lang-en"]
# ## 1. From scatter-add to the formula
#
# One dimension is enough. A transposed convolution multiplies the whole kernel by each input value and adds
# the copy to the output. Each step to the next input moves the place where the copy lands by $S$ cells. So
#
# - the copy of the first input ($i = 0$) starts at cell 0, and
# - the copy of the last input ($i = I-1$) starts at cell $(I-1)\,S$ and covers $K$ cells.
#
# Before any cropping the length is $(I-1)\,S + K$. The padding $P$ of a transposed convolution adds no
# cells: it **crops** $P$ cells from each end. $P$ is the padding that the convolution with the same settings
# adds to its input, and the output of the transposed convolution sits where that input was, so the padded
# part is dropped. Finally `output_padding` adds $P_{out}$ cells at one end (bottom and right).
#
# $$O = (I-1)\,S + K - 2P + P_{out}$$
#
# This is the document's formula. Let us scatter-add the input `[1, 2, 3]` with the kernel `[1, 10, 100]` by
# hand and compare with PyTorch ($S = 2$, $P = 1$).

# %%
def scatter_add_1d(x, w, stride):
    """Add x[i] * w to the output at offset i * stride; return the uncropped result."""
    full = torch.zeros((len(x) - 1) * stride + len(w))
    for i, value in enumerate(x):
        full[i * stride: i * stride + len(w)] += value * w
    return full


x = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([1.0, 10.0, 100.0])
S, P = 2, 1
full = scatter_add_1d(x, w, S)
cropped = full[P: len(full) - P]
torch_out = F.conv_transpose1d(x.view(1, 1, -1), w.view(1, 1, -1), stride=S, padding=P).flatten()
print("full:   ", full.tolist(), "len:", len(full), "= (I-1)*S + K =", (len(x) - 1) * S + len(w))
print("cropped:", cropped.tolist(), "len:", len(cropped))
print("PyTorch:", torch_out.tolist())
claim("cropped == torch_out", torch.equal(cropped, torch_out))

# %% [markdown] tags=["lang-ko"]
# 같은 계산을 칸으로 그리면 다음과 같습니다. 위에서부터 $S$칸 간격으로 놓인 입력, 입력마다 커널이 닿는 범위,
# 그리고 양쪽에서 $P$칸씩 잘린 출력입니다. 맨 아래 두 괄호가 나타내는 $(I-1)\,S$와 커널이 닿는 범위를 더하면
# 잘라내기 전의 길이가 됩니다.

# %% [markdown] tags=["lang-en"]
# Drawn cell by cell: from the top, the inputs placed $S$ cells apart, the span each input's kernel copy
# reaches, and the output with $P$ cells cropped at each end. The two brackets at the bottom, $(I-1)\,S$ and
# the kernel span, add up to the uncropped length.

# %%
size_strip(3, 3, 2, 1, 0, 1, LANG)

# %% [markdown] tags=["lang-ko"]
# ## 2. 팽창까지 넣은 일반형
#
# 팽창 $D$는 커널 성분을 $D$칸 간격으로 벌려 놓습니다. 그러면 커널 사본 하나가 닿는 범위는 $K$칸이 아니라
# $D\,(K-1) + 1$칸이므로, 위의 유도에서 $K$를 이것으로 바꾸면 됩니다.
#
# $$O = (I-1)\,S - 2P + D\,(K-1) + P_{out} + 1$$
#
# PyTorch 문서의 `ConvTranspose2d` 식이 바로 이것입니다. $D = 1$이면 원문의 공식이 되므로, 원문의 공식은 팽창이
# 없는 경우만 다룹니다. 일반형을 작은 설정 전체에서 PyTorch와 비교하고, 원문의 공식이 틀리는 경우를 세어 봅시다.

# %% [markdown] tags=["lang-en"]
# ## 2. The general form, with dilation
#
# Dilation $D$ places the kernel entries $D$ cells apart. One kernel copy then spans $D\,(K-1) + 1$ cells
# instead of $K$, so we replace $K$ by that in the derivation:
#
# $$O = (I-1)\,S - 2P + D\,(K-1) + P_{out} + 1$$
#
# This is the formula in PyTorch's `ConvTranspose2d` documentation. With $D = 1$ it is the document's formula,
# which therefore covers the undilated case only. We compare it with PyTorch over every small configuration and
# count where the document's formula goes wrong.

# %%
def transposed_size(I, K, S=1, P=0, P_out=0, D=1):
    return (I - 1) * S - 2 * P + D * (K - 1) + P_out + 1


def document_size(I, K, S=1, P=0, P_out=0):
    return (I - 1) * S - 2 * P + K + P_out


checked, agree, wrong, wrong_dilated = 0, 0, 0, 0
for I, K, S, P, D in itertools.product(range(1, 7), range(1, 6), range(1, 4), range(3), range(1, 4)):
    for P_out in range(max(S, D)):  # PyTorch's rule: P_out < S or P_out < D
        if transposed_size(I, K, S, P, P_out, D) < 1:
            continue
        y = F.conv_transpose1d(torch.zeros(1, 1, I), torch.zeros(1, 1, K), stride=S, padding=P,
                               output_padding=P_out, dilation=D)
        checked += 1
        agree += y.shape[-1] == transposed_size(I, K, S, P, P_out, D)
        if y.shape[-1] != document_size(I, K, S, P, P_out):
            wrong += 1
            wrong_dilated += D > 1 and K > 1
print("checked:", checked)
claim("agree == checked", agree == checked)
print("wrong:", wrong, "| wrong_dilated (D > 1, K > 1):", wrong_dilated)

# %% [markdown] tags=["lang-ko"]
# 설정 1884개 가운데 원문의 공식이 틀린 1142개는 모두 $D > 1$이고 $K > 1$입니다. 한 예로 $I = 5$, $K = 3$, $S = 2$, $P = 1$,
# $D = 2$를 계산해 보고 그림으로도 확인합니다. 커널이 닿는 범위가 3칸이 아니라 5칸입니다.

# %% [markdown] tags=["lang-en"]
# Of the 1884 configurations, the document's formula gets 1142 wrong, all with $D > 1$ and $K > 1$. Take $I = 5$, $K = 3$, $S = 2$, $P = 1$,
# $D = 2$, and look at the picture too: the kernel spans 5 cells, not 3.

# %%
dilated = nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1, dilation=2)
print("document_size:  ", document_size(5, 3, 2, 1))
print("transposed_size:", transposed_size(5, 3, 2, 1, D=2))
print("PyTorch:        ", tuple(dilated(torch.zeros(1, 1, 5, 5)).shape))
size_strip(5, 3, 2, 1, 0, 2, LANG)

# %% [markdown] tags=["lang-ko"]
# ## 3. 합성곱 공식과의 역관계
#
# 합성곱(`Conv2d`)의 출력 크기는 다음과 같습니다.
#
# $$O = \left\lfloor \frac{I + 2P - D\,(K-1) - 1}{S} \right\rfloor + 1$$
#
# 원문은 이를 `O = (I - K + 2P) / S + 1`로 적었습니다. 팽창이 빠진 것은 물론이고, 나눗셈이 나누어떨어지지
# 않을 때 필요한 **내림**(바닥 함수 $\lfloor\cdot\rfloor$)이 없습니다. $I = 8$, $K = 3$, $S = 2$, $P = 0$이면 원문의
# 식은 3.5를 주지만, 크기는 정수이고 PyTorch가 내는 값은 3입니다. ($I = 7$이면 나누어떨어져 두 식 모두
# 3이므로, 내림이 빠진 것이 드러나지 않습니다.)

# %% [markdown] tags=["lang-en"]
# ## 3. The inverse of the convolution formula
#
# The output size of a convolution (`Conv2d`) is
#
# $$O = \left\lfloor \frac{I + 2P - D\,(K-1) - 1}{S} \right\rfloor + 1$$
#
# The document writes `O = (I - K + 2P) / S + 1`. Besides leaving out dilation, it has no **floor**
# ($\lfloor\cdot\rfloor$), which matters whenever the division is not exact. For $I = 8$, $K = 3$, $S = 2$,
# $P = 0$ the document's formula gives 3.5, but a size is an integer and PyTorch gives 3. ($I = 7$ divides
# exactly and both give 3, which is why the missing floor goes unnoticed there.)

# %%
def conv_size(I, K, S=1, P=0, D=1):
    return (I + 2 * P - D * (K - 1) - 1) // S + 1


for I in (7, 8):
    conv = nn.Conv2d(1, 1, kernel_size=3, stride=2)
    print(f"I={I}:", "(I - 3 + 0) / 2 + 1 =", (I - 3 + 0) / 2 + 1, "| conv_size:", conv_size(I, 3, 2),
          "PyTorch:", conv(torch.zeros(1, 1, I, I)).shape[-1])

# %% [markdown] tags=["lang-ko"]
# 나누어떨어질 때 합성곱 식을 $I$에 대해 풀면 $I = (O-1)\,S - 2P + D\,(K-1) + 1$, 곧 $P_{out} = 0$인 전치
# 합성곱의 식이 나옵니다. 같은 $K, S, P, D$의 합성곱과 전치 합성곱은 **크기**를 서로 반대로 바꿉니다(값까지
# 되돌리지는 않습니다. 레슨 02 참고). 나누어떨어지지 않으면 내림이 나머지
# $a = (I + 2P - D\,(K-1) - 1) \bmod S$를 버리고, 전치 합성곱은 $I - a$로 돌아옵니다.
# Dumoulin과 Visin(2016)은 이 나머지를 $a = (i + 2p - k) \bmod s$로 적고, 전치 합성곱의 크기를
# $o' = s\,(i' - 1) + a + k - 2p$로 씁니다. PyTorch에서는 이 $a$가 `output_padding`입니다.
#
# 되돌아온 크기가 정확히 $I - a$인지 작은 설정 전체에서 확인합니다.

# %% [markdown] tags=["lang-en"]
# When the division is exact, solving the convolution formula for $I$ gives
# $I = (O-1)\,S - 2P + D\,(K-1) + 1$: the transposed-convolution formula with $P_{out} = 0$. A convolution and
# a transposed convolution with the same $K, S, P, D$ map **sizes** in opposite directions (not values; see
# lesson 02). When the division is not exact, the floor drops a remainder
# $a = (I + 2P - D\,(K-1) - 1) \bmod S$ and the transposed convolution comes back to $I - a$.
# Dumoulin and Visin (2016) write this remainder as $a = (i + 2p - k) \bmod s$ and the transposed size as
# $o' = s\,(i' - 1) + a + k - 2p$. In PyTorch that $a$ is `output_padding`.
#
# We check over every small configuration that the way back gives exactly $I - a$.

# %%
pairs, exact, lossy = 0, 0, 0
for I, K, S, P, D in itertools.product(range(1, 11), range(1, 5), range(1, 4), range(3), range(1, 3)):
    a = (I + 2 * P - D * (K - 1) - 1) % S
    if I + 2 * P < D * (K - 1) + 1 or I - a < 1:  # the kernel must fit; the way back must not be empty
        continue
    O = F.conv1d(torch.zeros(1, 1, I), torch.zeros(1, 1, K), stride=S, padding=P, dilation=D).shape[-1]
    back = F.conv_transpose1d(torch.zeros(1, 1, O), torch.zeros(1, 1, K), stride=S, padding=P, dilation=D)
    pairs += 1
    exact += back.shape[-1] == I - a
    lossy += a > 0
print("pairs:", pairs)
claim("back == I - a", exact == pairs)
print("lossy:", lossy)

# %% [markdown] tags=["lang-ko"]
# ## 4. 자주 쓰는 설정: 2배, 4배, 1×1 → 4×4
#
# $P_{out} = 0$, $D = 1$일 때 공식을 $O = S\,I + (K - 2P - S)$로 고쳐 쓰면, 출력이 정확히 $S$배가 되는 조건은
# $K - 2P = S$입니다. 2배에 흔히 쓰는 설정은 $(K, P) = (4, 1)$과 $(2, 0)$입니다. 원문의 두 설정을 (1, 256, 14, 14)
# 텐서에 적용해 봅시다.

# %% [markdown] tags=["lang-en"]
# ## 4. Common settings: 2×, 4×, 1×1 → 4×4
#
# With $P_{out} = 0$ and $D = 1$ the formula reads $O = S\,I + (K - 2P - S)$, so the output is exactly $S$ times the
# input when $K - 2P = S$. For 2× the usual choices are $(K, P) = (4, 1)$ and $(2, 0)$. Here are the document's two settings
# on a (1, 256, 14, 14) tensor.

# %%
x = torch.randn(1, 256, 14, 14)
k4_s2_p1 = nn.ConvTranspose2d(256, 128, kernel_size=4, stride=2, padding=1)
k2_s2_p0 = nn.ConvTranspose2d(256, 128, kernel_size=2, stride=2)
print("x:       ", tuple(x.shape))
print("k4 s2 p1:", tuple(k4_s2_p1(x).shape), "=", transposed_size(14, 4, 2, 1))
print("k2 s2 p0:", tuple(k2_s2_p0(x).shape), "=", transposed_size(14, 2, 2, 0))

# %% [markdown] tags=["lang-ko"]
# 같은 규칙으로 4배에는 $(K, S, P) = (8, 4, 2)$나 $(4, 4, 0)$을 씁니다. $K - S$가 홀수이면 $P$만으로는 맞출 수
# 없어 `output_padding`이 모자란 칸을 채웁니다(예: $K = 3$, $S = 2$, $P = 1$, `output_padding=1`). 5.5절에서 일반
# 규칙과, 그래도 막히는 한 가지 경우를 봅니다.
#
# 입력이 1×1이면 $(I-1)\,S = 0$이라 스트라이드는 아무 영향이 없고 $O = K - 2P$입니다. 이것이 DCGAN 생성자의 첫 층
# `ConvTranspose2d(100, 512, 4, 1, 0)`이 잠재 벡터를 4×4 특징 맵으로 바꾸는 원리입니다(레슨 07).

# %% [markdown] tags=["lang-en"]
# By the same rule, 4× takes $(K, S, P) = (8, 4, 2)$ or $(4, 4, 0)$. When $K - S$ is odd, $P$ alone cannot fit and
# `output_padding` supplies the missing cells (e.g. $K = 3$, $S = 2$, $P = 1$, `output_padding=1`); section 5.5
# gives the general rule and the one case where even that fails.
#
# On a 1×1 input $(I-1)\,S = 0$, so the stride has no effect and $O = K - 2P$. That is how the first layer of
# the DCGAN generator, `ConvTranspose2d(100, 512, 4, 1, 0)`, turns a latent vector into a 4×4 feature map
# (lesson 07).

# %%
small = torch.randn(1, 16, 14, 14)
for K, S, P, P_out in [(8, 4, 2, 0), (4, 4, 0, 0), (3, 2, 1, 1)]:
    layer = nn.ConvTranspose2d(16, 8, kernel_size=K, stride=S, padding=P, output_padding=P_out)
    print(f"k{K} s{S} p{P} op{P_out}:", tuple(small.shape), "->", tuple(layer(small).shape))

z = torch.randn(1, 100, 1, 1)
for S in (1, 2):
    first = nn.ConvTranspose2d(100, 512, kernel_size=4, stride=S, padding=0)
    print(f"GAN first(z), S={S}:", tuple(z.shape), "->", tuple(first(z).shape))

# %% [markdown] tags=["lang-ko"]
# ## 5. 출력 패딩(output_padding)
#
# ### 5.1 왜 필요한가
#
# 스트라이드 2인 합성곱은 서로 다른 입력 크기를 같은 출력 크기로 보냅니다. `Conv2d(kernel_size=3, stride=2,
# padding=1)`은 7도 8도 4로 줄입니다. 그러면 4에서 돌아가는 전치 합성곱은 7과 8 가운데 하나만 낼 수 있고,
# 공식대로라면 7입니다. 8로 돌아가려면 한 칸이 더 필요합니다. 그 한 칸이 `output_padding`입니다.
#
# 흔히 쓰는 `kernel_size=4, stride=2, padding=1`에서는 홀수 크기가 문제입니다. 7은 3으로 줄었다가 6으로
# 돌아옵니다. 홀수 크기의 특징 맵을 다루는 U-Net 디코더에서 스킵 연결과 크기가 맞지 않는 이유입니다.
# 두 설정으로 크기를 줄였다가 되돌려 봅시다. 표의 `a`는 되돌릴 때 필요한 `output_padding`입니다.

# %% [markdown] tags=["lang-en"]
# ## 5. output_padding
#
# ### 5.1 Why it exists
#
# A stride-2 convolution sends different input sizes to the same output size:
# `Conv2d(kernel_size=3, stride=2, padding=1)` shrinks both 7 and 8 to 4. A transposed convolution going
# back from 4 can produce only one of them, and by the formula it is 7. Getting back to 8 takes one more
# cell, and that cell is `output_padding`.
#
# With the popular `kernel_size=4, stride=2, padding=1`, odd sizes are the problem: 7 shrinks to 3 and comes
# back as 6. This is why a U-Net decoder working on odd-sized feature maps does not match its skip
# connections. Let us shrink and grow back with both settings; `a` is the `output_padding` the way back needs.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 많은 강의가 건너뛰는 부분입니다. 스트라이드 2 합성곱이 7과 8을 같은 크기로 보낸다는 출력을 먼저 보여
# 주면 학습자가 `output_padding`이 왜 필요한지 바로 이해합니다. 이 절에서 오류를 내는 셀은 규칙을 보여 주려고
# 일부러 넣은 것입니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** Many courses skip this part. First show the output where a stride-2 convolution sends 7 and
# 8 to the same size; then the need for `output_padding` is obvious. The cell in this section that raises an error
# is there on purpose, to show the rule.

# %%
for K, S, P in [(3, 2, 1), (4, 2, 1)]:
    down = nn.Conv2d(1, 1, K, S, P)
    print(f"k{K} s{S} p{P}:")
    for I in range(5, 11):
        O = down(torch.zeros(1, 1, I, I)).shape[-1]
        a = (I + 2 * P - K) % S
        back = nn.ConvTranspose2d(1, 1, K, S, P)(torch.zeros(1, 1, O, O)).shape[-1]
        fixed = nn.ConvTranspose2d(1, 1, K, S, P, output_padding=a)(torch.zeros(1, 1, O, O)).shape[-1]
        print(f"  I={I:2d} -> {O} -> {back:2d}   a={a}   output_padding=a: {fixed:2d}")

# %% [markdown] tags=["lang-ko"]
# ### 5.2 PyTorch가 검사하는 규칙
#
# `output_padding`은 **스트라이드나 팽창 중 적어도 하나보다 작아야** 합니다($P_{out} < S$ 또는 $P_{out} < D$).
# 층을 만들 때는 2를 그대로 받고, 검사는 forward에서 합니다. 아래 셀은 일부러 오류를 냅니다.

# %% [markdown] tags=["lang-en"]
# ### 5.2 The rule PyTorch enforces
#
# `output_padding` must be **smaller than the stride or the dilation** ($P_{out} < S$ or $P_{out} < D$). The
# constructor keeps 2 as given; the check happens in forward. The next cell raises the error on purpose.

# %% tags=["raises-exception"]
too_much = nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1, output_padding=2)
print("too_much.output_padding =", too_much.output_padding)
too_much(torch.zeros(1, 1, 4, 4))

# %% [markdown] tags=["lang-ko"]
# `course_utils.arithmetic`의 계산 함수는 PyTorch가 거부하는 설정을 모두 같은 규칙으로 거부하고, 어긴
# 규칙을 노트북의 언어로 설명합니다(`RuleError`, `ValueError`의 하위 클래스).

# %% [markdown] tags=["lang-en"]
# The calculator in `course_utils.arithmetic` refuses every configuration PyTorch refuses, by the same rules,
# and explains the broken rule in the notebook's language (`RuleError`, a subclass of `ValueError`).

# %%
try:
    conv_transpose_output_size(4, 3, stride=2, padding=1, output_padding=2)
except RuleError as err:
    print(err.explain(LANG))

# %% [markdown] tags=["lang-ko"]
# ### 5.3 `forward(x, output_size=...)`
#
# `output_padding`을 직접 계산하는 대신, 원하는 크기를 forward에 넘길 수 있습니다. PyTorch는 $P_{out} = 0$일
# 때의 최소 크기 $O_{min}$부터 $O_{min} + S - 1$까지만 받고, `output_padding = output_size - O_min`으로
# 계산합니다. U-Net 디코더에서는 `up(x, output_size=skip.shape)`처럼 스킵 연결의 크기를 그대로 넘기면 됩니다.
# 허용되는 크기를 하나씩 시험해 `output_size_range`와 비교합니다.

# %% [markdown] tags=["lang-en"]
# ### 5.3 `forward(x, output_size=...)`
#
# Instead of computing `output_padding` yourself, you can pass the size you want to forward. PyTorch accepts
# only sizes from the smallest one, $O_{min}$ (at $P_{out} = 0$), up to $O_{min} + S - 1$, and sets
# `output_padding = output_size - O_min`. In a U-Net decoder you pass the skip connection's size as it is:
# `up(x, output_size=skip.shape)`. We probe size after size and compare with `output_size_range`.

# %%
def accepted_sizes(layer, x, candidates):
    ok = []
    for size in candidates:
        try:
            if layer(x, output_size=(size, size)).shape[-1] == size:
                ok.append(size)
        except ValueError:
            pass
    return ok


up = nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1)
x4 = torch.zeros(1, 1, 4, 4)
print("k3 s2 p1, 4x4, accepted_sizes:", accepted_sizes(up, x4, range(4, 12)))
print("output_size_range:            ", list(output_size_range(4, 3, stride=2, padding=1)))

skip = torch.zeros(1, 1, 8, 8)
print("up(x4, output_size=skip.shape):", tuple(up(x4, output_size=skip.shape).shape))

# %% [markdown] tags=["lang-ko"]
# ### 5.4 $P = 0$이면 덧붙인 줄에는 편향만 있다
#
# `output_padding`은 0을 채우는 패딩이 아닙니다. 아래쪽·오른쪽 끝에서 패딩 $P$가 잘라 낼 칸 가운데
# $P_{out}$칸을 남기고, 남길 칸이 모자라면 어떤 입력의 커널도 닿지 않는 칸을 덧붙입니다. 그래서
# $P \ge P_{out}$이면 `output_padding`으로 늘어난 줄에 흩뿌려 더한 실제 값이 들어 있지만, $P = 0$이면 늘어난
# 줄에는 편향 값만 남습니다. 그림의 점무늬 칸이 그런 칸입니다.

# %% [markdown] tags=["lang-en"]
# ### 5.4 With $P = 0$ the added row holds only bias
#
# `output_padding` is not zero padding. At the bottom and right ends it keeps $P_{out}$ of the cells the
# padding $P$ would crop, and where there are too few such cells it adds cells that no kernel copy reaches.
# So with $P \ge P_{out}$ the extra row that `output_padding` gives holds real scatter-added values, but with
# $P = 0$ it holds only the bias: the dotted cell in the picture.

# %%
x3 = torch.randn(1, 1, 3, 3)
for P in (0, 1):
    layer = nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=P, output_padding=1)
    y = layer(x3)[0, 0]
    bias = layer.bias.expand(y.shape[-1])
    print(f"P={P}:", tuple(y.shape))
    claim(f"P={P}: y[-1] == bias", torch.equal(y[-1], bias), expected=P == 0)
    claim(f"P={P}: y[:, -1] == bias", torch.equal(y[:, -1], bias), expected=P == 0)

# %%
size_strip(3, 3, 2, 0, 1, 1, LANG)

# %% [markdown] tags=["lang-ko"]
# ### 5.5 입력의 $S$배 크기와 `padding='same'`
#
# 합성곱에는 출력 크기를 입력과 같게 맞추는 `padding='same'`이 있습니다(스트라이드 1에서만). 전치 합성곱에서 그에
# 해당하는 것은 출력을 입력의 정확히 $S$배로 만드는 일이지만, `ConvTranspose2d`의 `padding`은 정수만 받습니다.
# 층을 만들 때는 문자열의 글자를 패딩 값으로 저장해 두고, 오류는 forward에서 납니다(아래 셀이 예외의 종류와 어긴
# 규칙을 보여 줍니다).

# %% [markdown] tags=["lang-en"]
# ### 5.5 $S$ times the input, and `padding='same'`
#
# A convolution has `padding='same'`, which keeps the output the size of the input (at stride 1 only). Its
# counterpart for a transposed convolution would make the output exactly $S$ times the input, but the `padding` of
# `ConvTranspose2d` takes integers only. The constructor stores the string's letters as the padding, and the error
# comes in forward (the cell below shows its type and the rule broken).

# %%
same = nn.ConvTranspose2d(1, 1, kernel_size=3, padding="same")
print("same.padding:", same.padding)
try:
    same(torch.zeros(1, 1, 50, 50))
except TypeError as err:
    print(f"{type(err).__name__}:", message("arithmetic.not_integer", LANG, name="`padding`", value=repr("same")))

# %% [markdown] tags=["lang-ko"]
# 대신 공식으로 $P$와 $P_{out}$을 고릅니다. 팽창까지 넣어 $K_D = D\,(K-1) + 1$로 쓰면, $O = S \cdot I$가 되는 조건은
#
# $$2P - P_{out} = K_D - S$$
#
# 입니다. $P$는 양쪽에서 똑같이 잘라 내므로, $K_D - S$가 짝수이면 $P = (K_D - S)/2$, $P_{out} = 0$이고, 홀수이면
# $P = (K_D - S + 1)/2$, $P_{out} = 1$입니다($K_D < S$이면 $P = 0$, $P_{out} = S - K_D$). 이 $P_{out}$이 5.2절의
# 규칙($P_{out} < S$ 또는 $P_{out} < D$)을 지켜야 합니다. 어기는 경우는 딱 하나, **스트라이드 1, 팽창 1에 짝수
# 커널**입니다. 모든 설정에 통하는 "same"을 대칭인 $P$와 $P_{out}$만으로는 만들 수 없다는 뜻입니다. 작은 설정을
# 모두 훑어 PyTorch의 결과와 맞춰 봅시다.

# %% [markdown] tags=["lang-en"]
# Instead, choose $P$ and $P_{out}$ from the formula. With dilation, write $K_D = D\,(K-1) + 1$; then $O = S \cdot I$
# exactly when
#
# $$2P - P_{out} = K_D - S.$$
#
# $P$ crops both ends alike, so when $K_D - S$ is even, $P = (K_D - S)/2$ and $P_{out} = 0$; when it is odd,
# $P = (K_D - S + 1)/2$ and $P_{out} = 1$ (when $K_D < S$: $P = 0$, $P_{out} = S - K_D$). That $P_{out}$ must obey
# the rule of section 5.2 ($P_{out} < S$ or $P_{out} < D$). Exactly one case breaks it: **stride 1, dilation 1
# and an even kernel**. So no "same" that works for every setting can be built from a symmetric $P$ and
# $P_{out}$ alone. Let us sweep small settings and compare with PyTorch.

# %%
def same_style(K, S, D=1):
    """P and output_padding for O = S·I: 2P − P_out = D·(K − 1) + 1 − S, the smallest P ≥ 0."""
    excess = D * (K - 1) + 1 - S
    P = max(0, -(-excess // 2))
    return P, 2 * P - excess


sweep, refused = 0, []
for K, S, D in itertools.product(range(1, 8), range(1, 5), range(1, 4)):
    P, P_out = same_style(K, S, D)
    allowed = P_out < S or P_out < D
    for I in (1, 5, 8):
        try:
            O = F.conv_transpose1d(torch.zeros(1, 1, I), torch.zeros(1, 1, K), stride=S, padding=P,
                                   output_padding=P_out, dilation=D).shape[-1]
            sweep += allowed and O == S * I
        except RuntimeError:
            sweep += not allowed
    if not allowed:
        refused.append((K, S, D))
print("(K, S, D, I):", 7 * 4 * 3 * 3)
claim("O == S·I  |  RuntimeError ⇔ (P_out ≥ S ∧ P_out ≥ D)", sweep == 7 * 4 * 3 * 3)
print("RuntimeError (K, S, D):", refused)

# %% [markdown] tags=["lang-ko"]
# 거부된 설정은 모두 $S = 1$, $D = 1$에 짝수 $K$입니다. 팽창이 2 이상이면 $P_{out} = 1 < D$라서 스트라이드 1에서도
# 통과합니다.
#
# 스트라이드 1에 짝수 커널로 크기를 지키려면 어떻게 할까요? $I = 50$, $K = 4$, $S = 1$이면 $P = 2$는 49, $P = 1$은
# 51을 내고, 50을 만들 `output_padding=1`은 거부되며, `output_size=`도 $[O_{min}, O_{min} + S - 1]$, 곧 한 가지
# 크기만 받습니다. 남는 길은 둘입니다. 홀수 커널($K = 3$, $P = 1$)로 바꾸거나, $P = 1$로 51을 만든 뒤 마지막 행과
# 열을 잘라 냅니다. 그러면 앞쪽에서 1칸, 뒤쪽에서 2칸을 잘라 낸 셈이라 비대칭 패딩과 같고, 이것은 `padding`
# 인자로는 나타낼 수 없습니다.

# %% [markdown] tags=["lang-en"]
# Every refused setting has $S = 1$, $D = 1$ and an even $K$. With a dilation of 2 or more, $P_{out} = 1 < D$
# passes even at stride 1.
#
# So how do you keep the size with stride 1 and an even kernel? Take $I = 50$, $K = 4$, $S = 1$: $P = 2$ gives 49,
# $P = 1$ gives 51, the `output_padding=1` that would give 50 is refused, and `output_size=` accepts only
# $[O_{min}, O_{min} + S - 1]$, a single size. Two ways remain: an odd kernel ($K = 3$, $P = 1$), or 51 with $P = 1$
# and the last row and column cropped. That crops 1 cell at the start and 2 at the end: an asymmetric padding, which
# the `padding` argument cannot express.

# %%
x50 = torch.randn(1, 1, 50, 50, dtype=torch.float64)
even = nn.ConvTranspose2d(1, 1, kernel_size=4, stride=1, padding=0, dtype=torch.float64)
for P in (2, 1):
    print(f"K=4 S=1 P={P}:", tuple(F.conv_transpose2d(x50, even.weight, even.bias, padding=P).shape))
try:
    F.conv_transpose2d(x50, even.weight, even.bias, padding=2, output_padding=1)
except RuntimeError as err:
    print(f"{type(err).__name__}:", message("arithmetic.output_padding_too_large", LANG, output_padding=1, stride=1,
                                             dilation=1))
cropped = F.conv_transpose2d(x50, even.weight, even.bias, padding=1)[..., :-1, :-1]
print("K=4 S=1 P=1, [..., :-1, :-1]:", tuple(cropped.shape))
claim("    == (P=0)[..., 1:51, 1:51]", close(cropped, even(x50)[..., 1:51, 1:51]))
print("K=3 S=1 P=1:", tuple(nn.ConvTranspose2d(1, 1, kernel_size=3, padding=1, dtype=torch.float64)(x50).shape))

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 5.6 심화: 팽창이 스트라이드보다 클 때
#
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# 5.2절 규칙의 둘째 조건($P_{out} < D$) 때문에, 팽창이 스트라이드보다 크면 $P_{out} \ge S$도 통과합니다. 하지만 그렇게 얻은
# 크기는 같은 설정의 합성곱을 거쳐도 원래 입력 크기로 돌아가지 않습니다. 3×3 입력에 커널 3, 스트라이드 1, 팽창 3,
# `output_padding=2`를 주면 출력은 11×11이고, 같은 설정의 합성곱은 11을 3이 아닌 5로 줄입니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### 5.6 Deep dive: dilation larger than the stride
#
# You can skip it; nothing later depends on it.
#
# Because of the second condition of section 5.2's rule ($P_{out} < D$), $P_{out} \ge S$ passes when the dilation exceeds the
# stride. But the convolution with the same settings does not map such a size back to the original input size. On
# a 3×3 input with kernel 3, stride 1, dilation 3 and `output_padding=2` the output is 11×11, and the same
# convolution shrinks 11 to 5, not 3.

# %% tags=["deep-dive"]
x3 = torch.zeros(1, 1, 3, 3)
dilated_up = nn.ConvTranspose2d(1, 1, kernel_size=3, stride=1, dilation=3, output_padding=2)
y = dilated_up(x3)
print("S=1, D=3, P_out=2:", tuple(x3.shape), "->", tuple(y.shape))
print("Conv2d(y):", tuple(nn.Conv2d(1, 1, kernel_size=3, stride=1, dilation=3)(y).shape))

# %% [markdown] tags=["lang-ko", "deep-dive"]
# `output_size`로는 이 11을 요청할 수 없습니다. 허용 범위의 폭은 팽창과 상관없이 스트라이드 $S$입니다.
# PyTorch의 `ConvTranspose2d._output_padding`이 $O_{min} + S - 1$을 상한으로 쓰기 때문입니다. 그리고 이 범위는
# 같은 설정의 합성곱이 원래 입력 크기로 줄이는 크기들과 정확히 일치합니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# `output_size` cannot ask for this 11. The width of the valid range is the stride $S$, whatever the dilation:
# PyTorch's `ConvTranspose2d._output_padding` uses $O_{min} + S - 1$ as the upper bound. And the range is
# exactly the set of sizes that the convolution with the same settings maps back to the original input size.

# %% tags=["deep-dive"]
dilated_plain = nn.ConvTranspose2d(1, 1, kernel_size=3, stride=1, dilation=3)
dilated_down = nn.Conv2d(1, 1, kernel_size=3, stride=1, dilation=3)
print("S=1, D=3, 3x3, accepted_sizes:", accepted_sizes(dilated_plain, x3, range(7, 14)))
print("output_size_range:            ", list(output_size_range(3, 3, stride=1, dilation=3)))
print("dilated_down(n × n) == 3, n:", [n for n in range(7, 14) if dilated_down(torch.zeros(1, 1, n, n)).shape[-1] == 3])

# %% [markdown] tags=["lang-ko"]
# ## 6. 출력 크기 계산기
#
# 슬라이더로 $I, K, S, P, P_{out}, D$를 바꾸면 숫자를 넣은 공식, `forward(x, output_size=...)`의 허용 범위,
# 같은 설정의 합성곱으로 되돌린 크기, 칸 그림이 바뀝니다. 규칙을 어기는 조합에서는 어긴 규칙을 알려 줍니다.
# 위젯이 움직이지 않는 곳(슬라이드, HTML)에서는 같은 결과가 글로 나옵니다.

# %% [markdown] tags=["lang-en"]
# ## 6. The output-size calculator
#
# Move the sliders for $I, K, S, P, P_{out}, D$: the formula with numbers, the range
# `forward(x, output_size=...)` accepts, the size the same convolution maps back to, and the cell picture follow.
# A combination that breaks a rule names the rule. Where widgets do not run (slides, HTML), the same result
# appears as text.

# %%
calculator = SizeCalculator(LANG, I=7, K=3, S=2, P=1, P_out=1)
calculator

# %% [markdown] tags=["lang-ko"]
# 스트라이드 2, 팽창 1에서 `output_padding`을 2로 올리면 계산기가 어긴 규칙을 보여 줍니다. 위의 계산기는 직접
# 움직여 볼 수 있게 그대로 두고, 두 번째 계산기에서 값을 바꿉니다.

# %% [markdown] tags=["lang-en"]
# With stride 2 and dilation 1, `output_padding=2` makes the calculator name the broken rule; a second calculator
# shows it, leaving the one above for you to move.

# %%
second_calculator = SizeCalculator(LANG, I=7, K=3, S=2, P=1, P_out=1)
second_calculator.controls["P_out"].value = 2
second_calculator.print()

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - 흩뿌려 더하기로 보면 잘라내기 전 길이는 $(I-1)\,S + K$이고, 양쪽에서 $P$칸씩 잘라 낸 뒤 $P_{out}$칸을 더합니다.
# - 일반형은 $O = (I-1)\,S - 2P + D\,(K-1) + P_{out} + 1$입니다. 원문의 공식은 $D = 1$인 경우입니다.
# - 합성곱의 크기 공식에는 내림이 있습니다. 원문의 `(I - K + 2P) / S + 1`은 $I = 8, K = 3, S = 2$에서
#   3.5를 주지만 실제 크기는 3입니다. 내림이 버린 나머지 $a$를 되돌리는 것이 `output_padding`입니다.
# - 출력이 정확히 $S$배가 되려면 $2P - P_{out} = D\,(K-1) + 1 - S$여야 합니다(2배에는 흔히 k4/p1, k2/p0).
#   스트라이드 1, 팽창 1에 짝수 커널이면 $P_{out} = 1$이 거부되므로, 홀수 커널을 쓰거나 한쪽 끝을 잘라 냅니다.
#   `ConvTranspose2d`에는 `padding='same'`이 없습니다. 1×1 입력에서는 $O = K - 2P$입니다.
# - `output_padding`은 $P_{out} < S$ 또는 $P_{out} < D$여야 하고(forward에서 검사), `output_size`는
#   $[O_{min}, O_{min} + S - 1]$ 범위의 크기만 받습니다. $P = 0$이면 덧붙인 줄에는 편향만 있습니다.
#
# **참고 문헌**
#
# - **Dumoulin과 Visin 2016**: V. Dumoulin, F. Visin, *A guide to convolution arithmetic for deep learning*,
#   arXiv:1603.07285, 2016, <https://arxiv.org/abs/1603.07285>. 4장: $o' = s\,(i' - 1) + a + k - 2p$, $a = (i + 2p - k)
#   \bmod s$.
# - PyTorch 문서: [`torch.nn.ConvTranspose2d`](https://pytorch.org/docs/stable/generated/torch.nn.ConvTranspose2d.html)의
#   출력 크기 식, `output_padding`, `output_size` 설명과
#   [`torch.nn.Conv2d`](https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html).

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - From scatter-add: the uncropped length is $(I-1)\,S + K$; crop $P$ cells at each end, then add $P_{out}$ cells.
# - The general form is $O = (I-1)\,S - 2P + D\,(K-1) + P_{out} + 1$; the document's formula is the case
#   $D = 1$.
# - The convolution's size formula has a floor. The document's `(I - K + 2P) / S + 1` gives 3.5 for
#   $I = 8, K = 3, S = 2$, but the size is 3. `output_padding` puts back the remainder $a$ the floor drops.
# - Exactly $S$ times the input needs $2P - P_{out} = D\,(K-1) + 1 - S$ (for 2×, usually k4/p1 or k2/p0). With
#   stride 1, dilation 1 and an even kernel, $P_{out} = 1$ is refused: use an odd kernel or crop one end.
#   `ConvTranspose2d` has no `padding='same'`. On a 1×1 input, $O = K - 2P$.
# - `output_padding` needs $P_{out} < S$ or $P_{out} < D$ (checked in forward), and `output_size` accepts
#   only $[O_{min}, O_{min} + S - 1]$. With $P = 0$ the added row holds only bias.
#
# **References**
#
# - **Dumoulin and Visin 2016**: V. Dumoulin, F. Visin, *A guide to convolution arithmetic for deep learning*,
#   arXiv:1603.07285, 2016, <https://arxiv.org/abs/1603.07285>. Section 4: $o' = s\,(i' - 1) + a + k - 2p$, $a = (i +
#   2p - k) \bmod s$.
# - PyTorch documentation, [`torch.nn.ConvTranspose2d`](https://pytorch.org/docs/stable/generated/torch.nn.ConvTranspose2d.html)
#   (the output-size formula, `output_padding`, `output_size`) and
#   [`torch.nn.Conv2d`](https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html).

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. 입력 4, 커널 3, 스트라이드 2, 패딩 1, 팽창 2인 전치 합성곱의 출력은 몇 칸일까요? 잘라내기 전의 길이부터 세어 보세요. (→ 1, 2절)
# 2. 커널 5, 스트라이드 2로 출력을 정확히 2배로 만드는 $P$와 $P_{out}$은 얼마일까요? 스트라이드 1에 커널 4이면 `padding`과 `output_padding`만으로 크기를 지킬 수 없는 까닭은 무엇일까요? (→ 4, 5.5절)
# 3. `Conv2d(kernel_size=3, stride=2, padding=1)`은 7과 8을 모두 4로 줄입니다. 4에서 8로 돌아가려면 무엇이 필요하고, `output_padding=2`는 왜 거부될까요? (→ 3, 5.1, 5.2절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. How many cells does a transposed convolution with input 4, kernel 3, stride 2, padding 1 and dilation 2 output? Start from the length before cropping. (→ sections 1, 2)
# 2. Which $P$ and $P_{out}$ make kernel 5 with stride 2 exactly double the input? Why can stride 1 with kernel 4 not keep the size with `padding` and `output_padding` alone? (→ sections 4, 5.5)
# 3. `Conv2d(kernel_size=3, stride=2, padding=1)` shrinks both 7 and 8 to 4. What does the way back from 4 to 8 need, and why is `output_padding=2` refused? (→ sections 3, 5.1, 5.2)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 문제마다 아래에 접힌 풀이 셀이 있으니, 먼저 직접 풀어
# 본 뒤 펼쳐 보세요.
#
# **1.** `kernel_size=6, stride=2`인 전치 합성곱이 어떤 입력이든 정확히 2배로 키우려면 `padding`이 얼마여야
# 할까요? (`output_padding=0`)

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. Each exercise is followed by a
# collapsed solution cell: expand it only after you have tried.
#
# **1.** Which `padding` makes a transposed convolution with `kernel_size=6, stride=2` exactly double any
# input size? (`output_padding=0`)

# %%
answer = ...
check("03.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = next(p for p in range(6) if all(transposed_size(n, 6, 2, p) == 2 * n for n in range(1, 20)))
verify("03.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** 원문의 식 `(I - K + 2P) / S + 1`은 `Conv2d(kernel_size=3, stride=2)`에 10×10 입력을 넣으면
# 4.5를 줍니다. 실제 출력의 한 변은 몇 픽셀일까요?

# %% [markdown] tags=["lang-en"]
# **2.** For `Conv2d(kernel_size=3, stride=2)` on a 10×10 input, the document's `(I - K + 2P) / S + 1` gives
# 4.5. What is the real side of the output?

# %%
answer = ...
check("03.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = nn.Conv2d(1, 1, kernel_size=3, stride=2)(torch.zeros(1, 1, 10, 10)).shape[-1]
verify("03.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3.** `Conv2d(kernel_size=4, stride=2, padding=1)`이 15×15를 7×7로 줄였습니다. 같은 설정의
# `ConvTranspose2d`로 7×7을 15×15로 되돌리려면 `output_padding`이 얼마여야 할까요?

# %% [markdown] tags=["lang-en"]
# **3.** `Conv2d(kernel_size=4, stride=2, padding=1)` shrank 15×15 to 7×7. Which `output_padding` brings a
# `ConvTranspose2d` with the same settings from 7×7 back to 15×15?

# %%
answer = ...
check("03.3", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = (15 + 2 * 1 - 4) % 2
verify("03.3", solution)

# %% [markdown] tags=["lang-ko"]
# **4.** `ConvTranspose2d(1, 1, kernel_size=3, stride=3, padding=1)`에 5×5 입력을 넣을 때,
# `forward(x, output_size=...)`가 받아 주는 가장 큰 크기는 얼마일까요?

# %% [markdown] tags=["lang-en"]
# **4.** For `ConvTranspose2d(1, 1, kernel_size=3, stride=3, padding=1)` on a 5×5 input, what is the largest
# size `forward(x, output_size=...)` accepts?

# %%
answer = ...
check("03.4", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = max(accepted_sizes(nn.ConvTranspose2d(1, 1, 3, stride=3, padding=1), torch.zeros(1, 1, 5, 5), range(1, 40)))
verify("03.4", solution)

# %% [markdown] tags=["lang-ko"]
# **5. (코딩)** 팽창과 `output_padding`까지 넣은 출력 크기 함수를 써 봅시다.
# `output_size(input_size, kernel_size, stride, padding, output_padding, dilation)`은 1-D 전치 합성곱 출력의 길이를
# 돌려주고, PyTorch가 거부하는 설정(`output_padding`이 `stride`보다도 `dilation`보다도 작지 않을 때, 출력 길이가
# 1보다 작을 때)에는 `ValueError`를 냅니다. 채점기는 설정마다 `F.conv_transpose1d`를 실제로 실행해 얻은 결과와
# 비교합니다.
#
# 막히면 `hint("03.5", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **5. (coding)** Write the output-size function with dilation and `output_padding`.
# `output_size(input_size, kernel_size, stride, padding, output_padding, dilation)` returns the length of a 1-D
# transposed convolution's output and raises `ValueError` for the settings PyTorch refuses (`output_padding` not
# smaller than `stride` or `dilation`; an output shorter than 1). The checker compares it with what
# `F.conv_transpose1d` really does for each setting.
#
# Stuck? Run `hint("03.5", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def output_size(input_size, kernel_size, stride, padding, output_padding, dilation):
    ...


check_code("03.5", output_size, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(input_size, kernel_size, stride, padding, output_padding, dilation):
    if output_padding >= stride and output_padding >= dilation:
        raise ValueError("output_padding must be smaller than stride or dilation")
    size = (input_size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1
    if size < 1:
        raise ValueError("the output would be empty")
    return size


verify_code("03.5", solution)

# %% [markdown] tags=["lang-ko"]
# # 11. 2-D 너머와 언풀링
#
# 지금까지는 정사각형 2-D 이미지만 다뤘습니다. 이 레슨은 두 방향으로 넓힙니다.
#
# 1. **1-D와 3-D, 정사각형이 아닌 설정**: 소리나 시계열을 ×4 하는 `ConvTranspose1d`와 그 스펙트럼, 볼륨과
#    동영상의 `ConvTranspose3d`(출력이 31이냐 32냐), 스펙트로그램에 쓰는 커널 (3, 4), 스트라이드 (1, 2).
#    크기 계산, 겹침 지도, 처음부터 만든 구현이 모두 축마다 다른 설정을 받습니다.
# 2. **언풀링 가족**: `MaxUnpool2d`, 0을 끼워 넣는 "bed of nails", `PixelShuffle`과 `PixelUnshuffle`,
#    `F.interpolate`의 여러 모드. 어느 것이 선형이고, 학습할 수 있고, 정확한 역연산인지 코드로 가립니다.

# %% [markdown] tags=["lang-en"]
# # 11. Beyond 2-D, and unpooling
#
# So far we have worked with square 2-D images. This lesson widens the view in two directions.
#
# 1. **1-D, 3-D and non-square settings**: `ConvTranspose1d` upsampling audio or a time series ×4, and its
#    spectrum; `ConvTranspose3d` for volumes and video (is the output 31 or 32?); kernel (3, 4) with stride (1, 2)
#    on spectrograms. The size arithmetic, the overlap maps and the from-scratch implementation all take per-axis
#    settings.
# 2. **The unpooling family**: `MaxUnpool2d`, "bed of nails" zero insertion, `PixelShuffle` and `PixelUnshuffle`,
#    and the modes of `F.interpolate`. Code decides which are linear, which are learnable and which are exact
#    inverses.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** ×4 전치 합성곱이 만드는 스펙트럼 이미지의 위치를 예측하고, 1-D, 3-D, 정사각형이 아닌 설정의 출력 크기와 겹침을 축마다 계산하며, 최대 언풀링, 0 삽입, 픽셀 셔플, 보간이 각각 선형인지, 학습할 수 있는지, 정확한 역연산인지 가릴 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** predict where a ×4 transposed convolution puts spectral images, compute output sizes and overlaps of 1-D, 3-D and non-square settings axis by axis, and tell for each of max unpooling, zero insertion, pixel shuffle and interpolation whether it is linear, learnable and an exact inverse.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 1-D와 3-D는 새 개념이 아니라 같은 규칙을 축마다 적용한 것입니다. 크기 공식을 다시 외우게 하지
# 말고 "축마다 따로"만 강조하세요. 언풀링 표의 "정확한 역연산" 열은 자주 틀리는 부분입니다. 최대 언풀링은
# 최대 풀링의 역연산이 아닙니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** 1-D and 3-D bring no new concept, only the same rules applied per axis: do not make learners
# memorize the size formula again, stress "each axis on its own". The "exact inverse" column of the unpooling table
# is where people go wrong: max unpooling is not the inverse of max pooling.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import torch
from torch import nn
from torch.nn import functional as F

from course_utils.arithmetic import RuleError, conv_transpose_output_size, output_size_range, overlap_map
from course_utils.claims import claim, close
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.notebook import setup
from course_utils.reference import conv_transpose_nd_loops
from course_utils.widgets import SizeCalculator

torch.set_grad_enabled(False)
setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 1. 1-D: 신호를 ×4 하는 디코더
#
# 오디오 디코더나 시계열 모델은 `ConvTranspose1d`로 신호를 늘립니다. 길이 64, 주파수 5(64샘플에 5주기)인
# 코사인을 K=8, S=4, P=2 층으로 256샘플로 늘려 봅시다. 처음부터 만든 N차원 흩뿌려 더하기
# (`course_utils.reference.conv_transpose_nd_loops`)가 PyTorch와 같은지, 크기 계산이 맞는지도 확인합니다.

# %% [markdown] tags=["lang-en"]
# ## 1. 1-D: a decoder that upsamples a signal ×4
#
# Audio decoders and time-series models lengthen signals with `ConvTranspose1d`. Take a cosine of length 64 and
# frequency 5 (5 periods in 64 samples) and grow it to 256 samples with a K=8, S=4, P=2 layer. We also check the
# from-scratch N-dimensional scatter-add (`course_utils.reference.conv_transpose_nd_loops`) against PyTorch, and the
# size arithmetic.

# %%
N, K0 = 64, 5
t = torch.arange(N, dtype=torch.float64)
signal = torch.cos(2 * torch.pi * K0 * t / N)[None, None]

torch.manual_seed(0)
decoder = nn.ConvTranspose1d(1, 1, 8, stride=4, padding=2, dtype=torch.float64)
y = decoder(signal)
print("output:", tuple(y.shape), " arithmetic:", conv_transpose_output_size((N,), (8,), (4,), (2,)))
claim("reference == ConvTranspose1d", close(conv_transpose_nd_loops(signal, decoder.weight, decoder.bias, 4, 2), y))

# %% [markdown] tags=["lang-ko"]
# 레슨 10에서 본 대로 전치 합성곱은 0 삽입 뒤의 필터입니다. ×4에서는 값 사이에 0을 세 개씩 끼우므로 주파수 5의
# 성분 옆에 이미지가 세 개 생깁니다. 길이 256에서 64 − 5 = 59, 64 + 5 = 69, 128 − 5 = 123입니다. 초기화된
# 그대로의 층은 이 이미지를 거의 거르지 못합니다. 같은 K=8, S=4, P=2 자리에 선형 보간 ×4의 커널
# [1, 3, 5, 7, 7, 5, 3, 1]/8을 넣으면 이미지가 크게 줄어듭니다. 이 커널이 선형 보간과 같다는 것도 확인합니다.

# %% [markdown] tags=["lang-en"]
# As lesson 10 showed, a transposed convolution is a filter after zero insertion. ×4 inserts three zeros between
# values, so three images appear beside frequency 5: at 64 − 5 = 59, 64 + 5 = 69 and 128 − 5 = 123 of the 256
# samples. The freshly initialized layer barely filters them. Put the kernel of linear interpolation ×4,
# [1, 3, 5, 7, 7, 5, 3, 1]/8, in the same K=8, S=4, P=2 slot and the images shrink a lot. We also check that this
# kernel is linear interpolation.

# %%
linear_x4 = torch.tensor([1, 3, 5, 7, 7, 5, 3, 1], dtype=torch.float64)[None, None] / 8
y_linear = F.conv_transpose1d(signal, linear_x4, stride=4, padding=2)
reference = F.interpolate(signal, scale_factor=4, mode="linear", align_corners=False)
claim("`y_linear[..., 2:-2] == interpolate(x, scale_factor=4, mode='linear')[..., 2:-2]`", close(y_linear[..., 2:-2], reference[..., 2:-2]))

BINS = [K0, N - K0, N + K0, 2 * N - K0]
for name, out in [("y", y), ("y_linear", y_linear)]:
    spectrum = torch.fft.rfft(out[0, 0] - out[0, 0].mean()).abs()
    print(f"{name:<9} |X[{BINS}]|/|X[{K0}]|: {[round((spectrum[k] / spectrum[K0]).item(), 3) for k in BINS]}")

# %% [markdown] tags=["lang-ko"]
# ## 2. 3-D: 31이냐 32냐
#
# 볼륨(의료 영상)이나 동영상에 쓰는 `ConvTranspose3d`에서 자주 받는 질문은 "16을 두 배 했는데 왜 31이
# 나오나요?"입니다. 답은 레슨 03의 공식을 축마다 적용한 것과 같습니다. K=3, S=2, P=1은 $(16-1)·2 - 2 + 3 = 31$이고,
# `output_padding=1`을 주거나 K=4를 쓰면 32입니다. `forward(x, output_size=...)`가 받는 범위도 축마다 31과
# 32입니다. 동영상처럼 시간 축은 그대로 두고 공간만 키우려면 스트라이드를 (1, 2, 2)로 줍니다.

# %% [markdown] tags=["lang-en"]
# ## 2. 3-D: 31 or 32?
#
# With `ConvTranspose3d`, used for volumes (medical imaging) and video, a common question is "I doubled
# 16, why do I get 31?". The answer is lesson 03's formula, per axis: K=3, S=2, P=1 gives $(16-1)·2 - 2 + 3 = 31$;
# `output_padding=1` or K=4 gives 32. The sizes `forward(x, output_size=...)` accepts are 31 and 32 on every axis.
# For video, keep the time axis and grow only space with stride (1, 2, 2).

# %%
volume = torch.zeros(1, 1, 16, 16, 16)
for k, s, p, op in [(3, 2, 1, 0), (3, 2, 1, 1), (4, 2, 1, 0)]:
    shape = tuple(nn.ConvTranspose3d(1, 1, k, s, p, output_padding=op)(volume).shape[2:])
    ours = conv_transpose_output_size((16, 16, 16), k, s, p, op)
    print(f"K={k} S={s} P={p} output_padding={op}: torch {shape}  arithmetic: {ours}")
    claim("    torch == arithmetic", shape == ours)
print("output_size range:", output_size_range((16, 16, 16), 3, 2, 1))

video = torch.zeros(1, 1, 8, 16, 16)  # (N, C, T, H, W)
layer = nn.ConvTranspose3d(1, 1, (3, 4, 4), stride=(1, 2, 2), padding=(1, 1, 1))
print("video:", tuple(layer(video).shape), " arithmetic:", conv_transpose_output_size((8, 16, 16), (3, 4, 4), (1, 2, 2), 1))

# %% [markdown] tags=["lang-ko"]
# 잘못된 설정을 주면 크기 계산은 어느 축이 어떤 규칙을 어겼는지 알려 줍니다. 여기서는 깊이 축의 출력 크기가
# (1 − 1)·1 − 2 + 1 = −1이 됩니다.

# %% [markdown] tags=["lang-en"]
# Give a setting PyTorch refuses and the arithmetic names the axis and the rule. Here the depth axis would have an
# output size of (1 − 1)·1 − 2 + 1 = −1.

# %%
try:
    conv_transpose_output_size((1, 16, 16), (1, 3, 3), (1, 2, 2), (1, 1, 1))
except RuleError as err:
    print(err.explain(LANG))

# %% [markdown] tags=["lang-ko"]
# ## 3. 정사각형이 아닌 커널과 스트라이드
#
# 스펙트로그램(세로: 주파수, 가로: 시간)에서는 시간 축만 두 배로 늘리는 일이 흔합니다. 커널 (3, 4), 스트라이드
# (1, 2), 패딩 (1, 1)이면 주파수 축은 크기가 그대로이고 시간 축만 두 배가 됩니다. 겹침 지도도 축마다 따로
# 계산해 곱합니다. 주파수 축은 K=3, S=1이라 안쪽에서 3개씩, 시간 축은 K=4, S=2라 2개씩 겹치므로 안쪽은 모두
# 6입니다. 3-D 겹침 지도와 3-D 흩뿌려 더하기도 같은 방식으로 확인합니다.

# %% [markdown] tags=["lang-en"]
# ## 3. Non-square kernels and strides
#
# On spectrograms (rows: frequency, columns: time) it is common to double only the time axis. Kernel (3, 4), stride
# (1, 2), padding (1, 1) keeps the frequency size and doubles the time. The overlap map is computed per axis and
# multiplied: the frequency axis (K=3, S=1) adds 3 inputs in the interior and the time axis (K=4, S=2) adds 2, so
# the interior is all 6s. The 3-D overlap map and 3-D scatter-add are checked the same way.

# %%
spectrogram = torch.zeros(1, 1, 16, 10)
layer = nn.ConvTranspose2d(1, 1, (3, 4), stride=(1, 2), padding=(1, 1))
print("spectrogram:", tuple(layer(spectrogram).shape), " arithmetic:", conv_transpose_output_size((16, 10), (3, 4), (1, 2), (1, 1)))

# %% [markdown] tags=["lang-ko"]
# 레슨 03의 출력 크기 계산기도 축마다 다른 설정을 받습니다. 커널 (3, 4), 스트라이드 (1, 2)처럼 튜플을 주면 축마다
# 슬라이더가 생기고, 공식과 칸 그림도 축마다 따로 보여 줍니다.

# %% [markdown] tags=["lang-en"]
# Lesson 03's output-size calculator takes per-axis settings too. Give tuples such as kernel (3, 4) and stride
# (1, 2), and it has a slider per axis and shows the formula and the cell picture for each axis.

# %%
calculator = SizeCalculator(LANG, I=(16, 10), K=(3, 4), S=(1, 2), P=(1, 1))
calculator

# %%
counts = overlap_map((16, 10), (3, 4), (1, 2), (1, 1))
ones = F.conv_transpose2d(torch.ones(1, 1, 16, 10), torch.ones(1, 1, 3, 4), stride=(1, 2), padding=(1, 1))
claim("`overlap_map == conv_transpose2d(ones, ones)`", torch.equal(counts, ones[0, 0].long()))
print("counts[1:-1, 1:-1].unique():", counts[1:-1, 1:-1].unique().tolist())

counts_3d = overlap_map((3, 4, 5), (3, 2, 4), (2, 1, 2), (1, 0, 1))
ones_3d = F.conv_transpose3d(torch.ones(1, 1, 3, 4, 5), torch.ones(1, 1, 3, 2, 4), stride=(2, 1, 2), padding=(1, 0, 1))
claim("`overlap_map == conv_transpose3d(ones, ones)`", torch.equal(counts_3d, ones_3d[0, 0].long()))

torch.manual_seed(0)
x3, w3 = torch.randn(2, 3, 3, 4, 5, dtype=torch.float64), torch.randn(3, 2, 3, 2, 4, dtype=torch.float64)
claim("3-D reference == conv_transpose3d", close(conv_transpose_nd_loops(x3, w3, None, (2, 1, 2), (1, 0, 1), (1, 0, 0)),
                                                 F.conv_transpose3d(x3, w3, stride=(2, 1, 2), padding=(1, 0, 1),
                                                                    output_padding=(1, 0, 0))))

# %% [markdown] tags=["lang-ko"]
# 크기 계산이 1-D, 2-D, 3-D에서 PyTorch와 같은 답(거부 포함)을 내는지는 `tests/test_arithmetic_per_axis.py`가
# 무작위 설정 수천 개로 검사합니다.
#
# ## 4. 언풀링 가족
#
# ### 최대 언풀링
#
# `MaxPool2d(2, return_indices=True)`는 2×2 블록마다 최댓값과 그 위치를 돌려줍니다. `MaxUnpool2d`는 그 위치에
# 값을 되돌려 놓고 나머지를 0으로 채웁니다. SegNet(Badrinarayanan 외 2017)의 디코더가 이 방식입니다. 먼저 한 가지 주의할 점이 있습니다.
# 이 코스의 `setup`은 결정적 알고리즘만 쓰도록 설정하는데, PyTorch 문서(`torch.use_deterministic_algorithms`)에
# 따르면 `MaxUnpool`은 결정적 구현이 없어 이 설정에서 오류를 냅니다. 그래서 그 설정을 잠시 끄는 작은 함수를
# 씁니다.

# %% [markdown] tags=["lang-en"]
# The tests in `tests/test_arithmetic_per_axis.py` check on thousands of random settings that the arithmetic gives
# PyTorch's answers in 1-D, 2-D and 3-D, refusals included.
#
# ## 4. The unpooling family
#
# ### Max unpooling
#
# `MaxPool2d(2, return_indices=True)` returns the maximum of each 2×2 block and where it was. `MaxUnpool2d` puts the
# values back at those positions and fills the rest with zeros; SegNet's decoder (Badrinarayanan et al. 2017) works this way. One caveat first:
# this course's `setup` allows deterministic algorithms only, and according to PyTorch's documentation
# (`torch.use_deterministic_algorithms`) `MaxUnpool` has no deterministic implementation and raises an error in this
# mode. So a small function switches that mode off for the call.

# %%
values = torch.tensor([[[[1.0, 2.0]]]])
try:
    F.max_unpool2d(values, torch.tensor([[[[0, 3]]]]), 2)
except RuntimeError as err:
    claim("`use_deterministic_algorithms(True)`: `max_unpool2d` → RuntimeError", "does not have a deterministic implementation" in str(err))


def max_unpool(values, indices, size=2):
    """F.max_unpool2d with PyTorch's deterministic-only mode briefly off (on the CPU the result is the same)."""
    torch.use_deterministic_algorithms(False)
    try:
        return F.max_unpool2d(values, indices, size)
    finally:
        torch.use_deterministic_algorithms(True)


torch.manual_seed(0)
x = torch.randn(1, 1, 4, 4, dtype=torch.float64)
x[..., 2:, 2:] = -x[..., 2:, 2:].abs() - 0.1  # one block whose maximum is negative
pooled, where = F.max_pool2d(x, 2, return_indices=True)
print(x[0, 0].round(decimals=2))
print(max_unpool(pooled, where)[0, 0].round(decimals=2))

# %% [markdown] tags=["lang-ko"]
# 위치를 고정하면 최대 언풀링은 값에 대해 **선형**입니다. 학습할 가중치는 없습니다. 최대 풀링의 역연산은 아닙니다.
# 최댓값이 아닌 값은 돌아오지 않습니다. 다시 풀링하면 원래 풀링 결과가 나오지만, 그것도 블록의 최댓값이 0 이상일
# 때만입니다. 최댓값이 음수이면 채워 넣은 0이 더 크기 때문입니다.

# %% [markdown] tags=["lang-en"]
# With the positions fixed, max unpooling is **linear** in the values; it has no weights to learn. It is not the
# inverse of max pooling: values that were not maxima do not come back. Pooling again gives the pooled values back,
# but only where a block's maximum is at least 0: a negative maximum loses to the zeros put around it.

# %%
a, b = torch.randn_like(pooled), torch.randn_like(pooled)
claim("`unpool(2a + 3b, where) == 2 unpool(a, where) + 3 unpool(b, where)`", close(max_unpool(2 * a + 3 * b, where), 2 * max_unpool(a, where) + 3 * max_unpool(b, where)))
claim("unpool(pool(x)) == x", close(max_unpool(pooled, where), x), expected=False)
again = F.max_pool2d(max_unpool(pooled, where), 2)
claim("`again[pooled >= 0] == pooled[pooled >= 0]`", close(again[pooled >= 0], pooled[pooled >= 0]))
print("(pooled < 0).sum():", int((pooled < 0).sum()))
claim("`again[pooled < 0] == pooled[pooled < 0]`", close(again[pooled < 0], pooled[pooled < 0]), expected=False)

# %% [markdown] tags=["lang-ko"]
# ### "bed of nails": 0 삽입
#
# 각 값을 2×2 블록의 왼쪽 위에 두고 나머지를 0으로 채우는 것은 커널이 [[1, 0], [0, 0]]인 K=2, S=2 전치 합성곱이고,
# 위치가 늘 왼쪽 위인 최대 언풀링입니다. 레슨 02의 0 삽입과는 끝만 다릅니다. 0 삽입은 값 사이에만 0을 넣어
# 한 축에 (I − 1)·S + 1개를 만들고, bed of nails는 마지막 값 뒤에도 S − 1개의 0을 붙여 I·S개를 만듭니다. 곧 bed of
# nails의 앞쪽 (I − 1)·S + 1개가 0 삽입의 결과입니다.

# %% [markdown] tags=["lang-en"]
# ### "Bed of nails": zero insertion
#
# Putting each value at the top-left of a 2×2 block and zeros elsewhere is a K=2, S=2 transposed convolution with
# kernel [[1, 0], [0, 0]], and max unpooling whose positions are always top-left. It differs from lesson 02's zero
# insertion only at the end: zero insertion puts zeros only between values, (I − 1)·S + 1 samples per axis, while bed
# of nails also appends S − 1 zeros after the last value, I·S samples. The first (I − 1)·S + 1 samples of bed of
# nails are the zero insertion.

# %%
nail = torch.tensor([[[[1.0, 0.0], [0.0, 0.0]]]], dtype=torch.float64)
bed = F.conv_transpose2d(pooled, nail, stride=2)
zeros = torch.zeros(1, 1, 4, 4, dtype=torch.float64)
zeros[..., ::2, ::2] = pooled
claim("`bed == zeros`", close(bed, zeros))
top_left = torch.tensor([[[[0, 2], [8, 10]]]])
claim("`bed == max_unpool(pooled, top_left)`", close(bed, max_unpool(pooled, top_left)))

# %% [markdown] tags=["lang-ko"]
# ### 픽셀 셔플과 픽셀 언셔플
#
# `PixelShuffle(2)`는 채널 4개를 2×2 블록 하나로 옮기고, `PixelUnshuffle(2)`는 그 반대입니다. 값을 옮기기만
# 하는 순열이므로 선형이고, 학습할 가중치가 없으며, 서로의 **정확한 역연산**입니다(비트 단위로 같음).

# %% [markdown] tags=["lang-en"]
# ### Pixel shuffle and pixel unshuffle
#
# `PixelShuffle(2)` moves 4 channels into one 2×2 block and `PixelUnshuffle(2)` does the reverse. Both only move
# values (a permutation), so they are linear, have no weights, and are **exact inverses** of each other (equal bit
# for bit).

# %%
many_channels = torch.randn(1, 8, 6, 6)
claim("unshuffle(shuffle(x)) == x", torch.equal(F.pixel_unshuffle(F.pixel_shuffle(many_channels, 2), 2), many_channels))
big = torch.randn(1, 2, 6, 6)
claim("shuffle(unshuffle(x)) == x", torch.equal(F.pixel_shuffle(F.pixel_unshuffle(big, 2), 2), big))

# %% [markdown] tags=["lang-ko"]
# ### `F.interpolate`의 모드
#
# 모든 보간 모드는 입력에 대해 선형입니다(고정된 가중치로 이웃을 섞습니다). 학습할 것은 없습니다. 2×2 평균
# 풀링이 ×2 보간을 되돌리는지, 곧 보간이 평균 풀링의 오른쪽 역연산인지 모드마다 확인합니다.

# %% [markdown] tags=["lang-en"]
# ### The modes of `F.interpolate`
#
# Every interpolation mode is linear in its input (fixed weights mix neighbours); nothing is learned. For each mode
# we check whether 2×2 average pooling undoes ×2 interpolation, that is, whether the interpolation is a right inverse
# of average pooling.

# %%
x, other = torch.randn(1, 1, 8, 8, dtype=torch.float64), torch.randn(1, 1, 8, 8, dtype=torch.float64)
UNDONE_BY_AVERAGE_POOLING = {"nearest": True, "nearest-exact": True, "bilinear": False, "bicubic": False, "area": True}
for mode, undone in UNDONE_BY_AVERAGE_POOLING.items():
    options = {"align_corners": False} if mode in ("bilinear", "bicubic") else {}

    def up(v):
        return F.interpolate(v, scale_factor=2, mode=mode, **options)

    print(f"`mode={mode!r}`")
    claim("    linear", close(up(2 * x + 3 * other), 2 * up(x) + 3 * up(other)))
    claim("    avg_pool2d(up(x)) == x", close(F.avg_pool2d(up(x), 2), x), expected=undone)

# %% [markdown] tags=["lang-ko"]
# 정리하면 이렇습니다. 전치 합성곱과의 관계는 마지막 열에 있습니다.
#
# | 연산 | 선형 | 학습 가능 | 정확한 역연산 | 전치 합성곱과의 관계 |
# |---|---|---|---|---|
# | 최대 언풀링 | 위치를 고정하면 예 | 아니오 | 아니오(최댓값만 돌아옴) | 입력마다 커널의 1 위치가 달라지는 K=2, S=2. 위치가 데이터에 달려 있어 합성곱이 아닙니다 |
# | 0 삽입 | 예 | 아니오 | 한 칸 건너 픽셀 고르기(`[..., ::2, ::2]`)의 오른쪽 역연산 | 커널 [[1, 0], [0, 0]], K=2, S=2 |
# | 픽셀 셔플 / 언셔플 | 예 | 아니오 | 예, 서로의 역연산 | 합성곱 + 픽셀 셔플 = 전치 합성곱(레슨 05) |
# | 보간(`F.interpolate`) | 예 | 아니오 | `nearest`, `nearest-exact`, `area`의 ×2는 평균 풀링의 오른쪽 역연산, 쌍선형과 쌍삼차는 아님 | 고정 커널 전치 합성곱(레슨 10) |
# | 전치 합성곱 | 예 | 예 | 아니오 | 0 삽입, 픽셀 셔플과 합친 합성곱, 보간은 특별한 커널로 포함. 최대 언풀링은 위치가 데이터에 달려 있어 포함하지 못함 |

# %% [markdown] tags=["lang-en"]
# In short, with the relation to the transposed convolution in the last column:
#
# | Operation | Linear | Learnable | Exact inverse | Relation to the transposed convolution |
# |---|---|---|---|---|
# | Max unpooling | yes, for fixed positions | no | no (only maxima return) | K=2, S=2 with the kernel's 1 moving per input; the position depends on the data, so it is not a convolution |
# | Zero insertion | yes | no | right inverse of taking every 2nd pixel (`[..., ::2, ::2]`) | kernel [[1, 0], [0, 0]], K=2, S=2 |
# | Pixel shuffle / unshuffle | yes | no | yes, of each other | convolution + pixel shuffle = transposed convolution (lesson 05) |
# | Interpolation (`F.interpolate`) | yes | no | ×2 with `nearest`, `nearest-exact`, `area` is a right inverse of average pooling; bilinear and bicubic are not | fixed-kernel transposed convolutions (lesson 10) |
# | Transposed convolution | yes | yes | no | contains zero insertion, convolution + pixel shuffle and interpolation as special kernels; not max unpooling, whose positions depend on the data |

# %%
claim("`bed[..., ::2, ::2] == pooled`", close(bed[..., ::2, ::2], pooled))

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - 1-D, 3-D, 정사각형이 아닌 설정은 모두 같은 규칙을 축마다 적용한 것입니다. `course_utils.arithmetic`, 겹침
#   지도, 처음부터 만든 흩뿌려 더하기가 축마다 다른 설정을 받고 PyTorch와 같은 답을 냅니다.
# - ×4 전치 합성곱은 이미지를 세 개 만들고, 선형 보간 커널은 그것을 크게 줄입니다.
# - 3-D에서 16을 두 배 하면 K=3, S=2, P=1은 31, `output_padding=1`이나 K=4는 32입니다.
# - 최대 언풀링은 선형이지만 역연산이 아니고, 픽셀 셔플과 언셔플은 서로의 정확한 역연산이며, 보간은 모두 선형이고
#   학습하지 않습니다. 학습할 수 있는 것은 전치 합성곱뿐입니다.
#
# **참고 문헌**
#
# - **Dumoulin과 Visin 2016**: V. Dumoulin, F. Visin, *A guide to convolution arithmetic for deep learning*,
#   arXiv:1603.07285, 2016, <https://arxiv.org/abs/1603.07285>.
# - **Badrinarayanan 외 2017**: V. Badrinarayanan, A. Kendall, R. Cipolla, *SegNet: A Deep Convolutional
#   Encoder-Decoder Architecture for Image Segmentation*, IEEE TPAMI, arXiv:1511.00561, 2017,
#   <https://arxiv.org/abs/1511.00561>.
# - PyTorch 문서: `torch.nn.ConvTranspose1d`, `torch.nn.ConvTranspose3d`, `torch.nn.MaxUnpool2d`,
#   `torch.nn.PixelUnshuffle`, `torch.use_deterministic_algorithms`

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - 1-D, 3-D and non-square settings all apply the same rules per axis. `course_utils.arithmetic`, the overlap maps
#   and the from-scratch scatter-add take per-axis settings and give PyTorch's answers.
# - A ×4 transposed convolution makes three images; the linear interpolation kernel shrinks them a lot.
# - Doubling 16 in 3-D: K=3, S=2, P=1 gives 31; `output_padding=1` or K=4 gives 32.
# - Max unpooling is linear but not an inverse; pixel shuffle and unshuffle are exact inverses of each other;
#   interpolation is linear and learns nothing. Only the transposed convolution learns.
#
# **References**
#
# - **Dumoulin and Visin 2016**: V. Dumoulin, F. Visin, *A guide to convolution arithmetic for deep learning*,
#   arXiv:1603.07285, 2016, <https://arxiv.org/abs/1603.07285>.
# - **Badrinarayanan et al. 2017**: V. Badrinarayanan, A. Kendall, R. Cipolla, *SegNet: A Deep Convolutional
#   Encoder-Decoder Architecture for Image Segmentation*, IEEE TPAMI, arXiv:1511.00561, 2017,
#   <https://arxiv.org/abs/1511.00561>.
# - PyTorch documentation: `torch.nn.ConvTranspose1d`, `torch.nn.ConvTranspose3d`, `torch.nn.MaxUnpool2d`,
#   `torch.nn.PixelUnshuffle`, `torch.use_deterministic_algorithms`

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. 길이 64, 주파수 5인 코사인을 ×4 전치 합성곱으로 늘리면 길이 256의 스펙트럼에서 어느 주파수들에 이미지가 생길까요? (→ 1절)
# 2. 커널 (3, 4), 스트라이드 (1, 2), 패딩 (1, 1)인 `ConvTranspose2d`에 8×6 입력을 넣으면 출력 크기는 얼마이고, 안쪽 겹침 수는 얼마일까요? (→ 2, 3절)
# 3. 최대 언풀링, 0 삽입, 픽셀 셔플, 보간 가운데 선형이 아닌 것이 있나요? 학습할 가중치가 있는 것은요? 최대 언풀링은 최대 풀링의 역연산인가요? 픽셀 셔플과 픽셀 언셔플은 어떤가요? (→ 4절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. Grow a cosine of length 64 and frequency 5 with a ×4 transposed convolution: at which frequencies of the length-256 spectrum do images appear? (→ section 1)
# 2. What output size does a `ConvTranspose2d` with kernel (3, 4), stride (1, 2), padding (1, 1) give for an 8×6 input, and what is the interior overlap count? (→ sections 2, 3)
# 3. Is any of max unpooling, zero insertion, pixel shuffle and interpolation not linear? Does any have weights to learn? Is max unpooling the inverse of max pooling? What about pixel shuffle and pixel unshuffle? (→ section 4)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 문제마다 아래에 접힌 풀이 셀이 있습니다.
#
# **1.** 동영상 (T, H, W) = (8, 16, 16)에 `ConvTranspose3d(1, 1, (3, 4, 4), stride=(2, 2, 2), padding=(1, 1, 1))`를
# 쓰면 출력의 시간 축 길이 T는 얼마일까요?

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. A collapsed solution cell follows
# each exercise.
#
# **1.** A video (T, H, W) = (8, 16, 16) goes through `ConvTranspose3d(1, 1, (3, 4, 4), stride=(2, 2, 2),
# padding=(1, 1, 1))`. What is the output's time length T?

# %%
answer = ...
check("11.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = conv_transpose_output_size((8, 16, 16), (3, 4, 4), (2, 2, 2), (1, 1, 1))[0]
verify("11.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2. (워밍업)** `PixelUnshuffle(3)`에 (1, 2, 9, 9) 텐서를 넣으면 출력의 채널 수는 얼마일까요?

# %% [markdown] tags=["lang-en"]
# **2. (warm-up)** How many channels does `PixelUnshuffle(3)` output for a (1, 2, 9, 9) tensor?

# %%
answer = ...
check("11.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = nn.PixelUnshuffle(3)(torch.zeros(1, 2, 9, 9)).shape[1]
verify("11.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3. (코딩)** 1절의 디코더 같은 1-D 전치 합성곱을 0 삽입으로 직접 써 봅시다. `conv_transpose1d(x, weight, stride, padding)`은
# 입력 `(N, C_in, L)`과 가중치 `(C_in, C_out, K)`를 받아 `F.conv_transpose1d(x, weight, stride=stride, padding=padding)`와
# 같은 `(N, C_out, O)`를 돌려줍니다. `x`와 `weight`는 float64입니다. `F.conv_transpose1d`는 쓰지 말고 0 삽입과
# `F.conv1d`로 만드세요(0을 끼울 텐서는 `x.new_zeros`로 만들면 dtype이 맞습니다). 채점기는 설정마다
# `F.conv_transpose1d`의 결과와 비교합니다.
#
# 막히면 `hint("11.3", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **3. (coding)** Write a 1-D transposed convolution like section 1's decoder from zero insertion.
# `conv_transpose1d(x, weight, stride, padding)` takes an input `(N, C_in, L)` and a weight `(C_in, C_out, K)` and
# returns the `(N, C_out, O)` that `F.conv_transpose1d(x, weight, stride=stride, padding=padding)` gives. `x` and
# `weight` are float64. Build it from zero insertion and `F.conv1d`, without `F.conv_transpose1d` (make the
# zero-inserted tensor with `x.new_zeros` so that its dtype matches). The checker compares it with
# `F.conv_transpose1d` for each setting.
#
# Stuck? Run `hint("11.3", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def conv_transpose1d(x, weight, stride, padding):
    ...


check_code("11.3", conv_transpose1d, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(x, weight, stride, padding):
    n, c, length = x.shape
    k = weight.shape[-1]
    z = x.new_zeros(n, c, (length - 1) * stride + 1)
    z[..., ::stride] = x
    full = F.conv1d(F.pad(z, [k - 1, k - 1]), weight.transpose(0, 1).flip(-1))
    return full[..., padding:full.shape[-1] - padding]


verify_code("11.3", solution)

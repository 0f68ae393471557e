# %% [markdown] tags=["lang-ko"]
# # 04. 체커보드 아티팩트와 세 가지 해결책
#
# 전치 합성곱으로 만든 이미지에는 2픽셀마다 되풀이되는 격자 무늬, 곧 **체커보드 아티팩트**가 자주 보입니다.
# 이 레슨에서는 그 무늬를 눈대중이 아니라 숫자로 다룹니다.
#
# 1. 출력의 각 칸에 입력이 몇 개 더해지는지(**겹침 수**) 세고, 어떤 설정이 **불균일한 겹침**을 만드는지 봅니다.
# 2. 원문의 6×6 표가 보여 주는 1과 4의 차이가 사실은 체커보드가 아니라 **가장자리** 효과임을 확인합니다.
# 3. 상수 입력에 대한 층의 응답으로 **체커보드 강도**를 재고, 두 가지 원인(불균일한 겹침, 초기화 때 서로
#    독립인 위상)을 나누어 살펴봅니다. 층을 쌓으면 무늬가 어떻게 커지는지, 기울기에도 무늬가 생긴다는 점도
#    확인합니다.
# 4. 원문의 세 가지 해결책을 모듈로 만들어 같은 잣대로 판정하고, 각각이 무엇을 고치고 무엇을 못 고치는지
#    정리합니다.
#
# 이 레슨의 출발점은 Odena 외(2016), *Deconvolution and Checkerboard Artifacts*(Distill)입니다. 그 주장을
# 하나하나 코드로 다시 확인하고, 이 레슨의 측정이 그 글과 다른 곳은 그렇다고 밝힙니다.

# %% [markdown] tags=["lang-en"]
# # 04. Checkerboard artifacts and three fixes
#
# Images made with transposed convolutions often show a grid pattern that repeats every two pixels: the
# **checkerboard artifact**. This lesson treats it with numbers instead of by eye.
#
# 1. Count how many inputs are added at each output pixel (the **overlap count**) and see which settings
#    give **uneven overlap**.
# 2. Check that the difference between 1 and 4 in the source document's 6×6 table is a **border** effect,
#    not a checkerboard.
# 3. Measure a **checkerboard strength** from a layer's response to a constant input, and separate the two
#    causes (uneven overlap; phases that are independent at initialization). See how stacking layers makes
#    the pattern grow, and that gradients carry it too.
# 4. Build the document's three fixes as modules, judge them with the same measure, and say what each one
#    fixes and what it does not.
#
# The starting point is Odena et al. (2016), *Deconvolution and Checkerboard Artifacts* (Distill). We re-check
# each of its claims in code, and say so where our measurements differ from the article.

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
# 레슨 02에서 본 것처럼 전치 합성곱은 입력 값 하나마다 커널 전체에 그 값을 곱해 출력에 더하고(흩뿌려 더하기),
# 입력이 한 칸 옮겨 갈 때마다 더하는 자리를 스트라이드 $S$칸씩 옮깁니다. 커널 크기 $K$가 $S$보다 크면 이웃한
# 입력들이 만든 사본이 겹칩니다. 출력의 한 칸에 입력이 몇 개 더해지는지가 **겹침 수**입니다.
#
# 겹침 수를 손으로 셀 필요는 없습니다. 입력도 커널도 모두 1로 채우고 전치 합성곱을 하면, 출력의 각 칸에는
# 그 칸에 더해진 입력의 개수가 그대로 남습니다. 1-D에서 먼저 봅시다(입력 6칸).

# %% [markdown] tags=["lang-en"]
# ## 1. Counting overlaps
#
# As lesson 02 showed, a transposed convolution multiplies the whole kernel by each input value and adds the
# copy to the output (scatter-add), moving the copy by the stride $S$ for every step of the input. When the
# kernel size $K$ is larger than $S$, the copies of neighbouring inputs overlap. The **overlap count** of an
# output pixel is how many inputs are added there.
#
# There is no need to count by hand: fill both the input and the kernel with ones and run the transposed
# convolution; each output pixel then holds the number of inputs added to it. First in 1-D (6 inputs):

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
# 양 끝에서 값이 작아지거나 되풀이가 흐트러지는 것은 가장자리 효과입니다. 출력의 맨 끝 칸에는 "그 바깥의
# 입력"이 없어서 덜 더해집니다. 그래서 경계의 영향을 받지 않는 **안쪽**만 보아야 합니다. 안쪽은 그 칸에 닿을
# 수 있는 입력이 모두 실제로 있는 구간입니다(`course_utils.overlap.interior_range`).
#
# - K=4, S=2: 안쪽이 모두 2입니다. **균일한 겹침**입니다.
# - K=3, S=2: 안쪽에서 1과 2가 번갈아 나옵니다. 주기 2로 되풀이되는 **불균일한 겹침**입니다.
# - K=2, S=2: 모두 1입니다. 사본이 전혀 겹치지 않습니다.
# - K=5, S=2(원래 DCGAN 코드의 5×5 커널, Radford 외 2015): 안쪽에서 3과 2가 번갈아 나옵니다. 불균일합니다.
#
# 규칙은 간단합니다. $K$가 $S$로 나누어떨어지면 안쪽의 모든 칸에 $K/S$개씩 더해지고, 나누어떨어지지 않으면
# $\lfloor K/S \rfloor$개와 $\lceil K/S \rceil$개가 섞여 주기 $S$로 되풀이됩니다.

# %% [markdown] tags=["lang-en"]
# The smaller values or broken rhythm at both ends are border effects: the last output pixels have no
# "inputs beyond the edge" to receive. So we look only at the **interior**, the positions for which every
# input that could reach them actually exists (`course_utils.overlap.interior_range`).
#
# - K=4, S=2: the interior is all 2s. The overlap is **even**.
# - K=3, S=2: 1 and 2 alternate in the interior, a period-2 **uneven overlap**.
# - K=2, S=2: all 1s. The copies do not overlap at all.
# - K=5, S=2 (the 5×5 kernels of the original DCGAN code, Radford et al. 2015): 3 and 2 alternate. Uneven.
#
# The rule is simple. When $S$ divides $K$, every interior pixel receives $K/S$ inputs; otherwise
# $\lfloor K/S \rfloor$ and $\lceil K/S \rceil$ mix in a pattern that repeats with period $S$.

# %%
for k, s, p in CASES:
    inside = interior_range(6, k, s, p)
    print(f"K={k} S={s} P={p}: interior_range {inside.start}..{inside.stop - 1}, interior_values {interior_values(6, k, s, p)}")

# %% [markdown] tags=["lang-ko"]
# ### 2-D는 1-D의 곱이다
#
# 2-D 커널은 행 방향과 열 방향으로 따로 미끄러지므로, 2-D 겹침 수는 그 칸의 행이 받는 1-D 겹침 수와 열이 받는
# 1-D 겹침 수의 곱입니다. 그래서 불균일함도 곱해집니다. K=3, S=2일 때 1-D에서 2이던 안쪽의 최대/최소 비가
# 2-D에서는 4가 됩니다.

# %% [markdown] tags=["lang-en"]
# ### 2-D is the product of 1-D
#
# A 2-D kernel slides along rows and columns independently, so the 2-D overlap count of a pixel is the 1-D
# count of its row times the 1-D count of its column. The unevenness multiplies too: for K=3, S=2 the
# interior max/min ratio of 2 in 1-D becomes 4 in 2-D.

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
# "1과 4의 차이 → 밝기 불균형 → 체커보드!"라고 설명합니다. 원문의 그림에는 가운데 행이 두 줄만 그려져
# 있지만(4행 6열), 정사각형 출력이라면 6×6이어야 하므로 같은 가운데 행을 채워 6×6으로 옮겨 적고 계산한 값과
# 비교해 봅시다. 이 표는 3×3 입력에 K=4, S=2, P=1(2배 업샘플링에서 가장 흔한 설정)을 쓴 경우와 정확히 같습니다.

# %% [markdown] tags=["lang-en"]
# ## 2. The document's 6×6 table, revisited
#
# The source document shows a table of "the number of inputs contributing to each output position for
# stride=2, kernel=4" (translated), with 1 in the corners and 4 in the middle, and explains: "the difference
# between 1 and 4 → uneven brightness → checkerboard!" (translated). Its drawing has only two middle rows (4 rows, 6 columns),
# but a square output must be 6×6, so we type it in as 6×6, repeating the middle row, and compare it with
# the computed counts. It is exactly the case of a 3×3 input with K=4, S=2, P=1, the most common 2×
# upsampling setting.

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
# 표의 숫자는 맞습니다. 그러나 설명은 틀렸습니다. 1과 2는 표의 **테두리**에만 있고, 안쪽은 모두 4입니다.
# 입력을 8×8로 키우면 이 점이 분명해집니다. 16×16 출력에서 안쪽은 모두 4이고, 1과 2는 맨 바깥 한 줄에만
# 남습니다.

# %% [markdown] tags=["lang-en"]
# The numbers are right; the explanation is not. The 1s and 2s sit only on the table's **rim**, and the
# interior is all 4s. A larger 8×8 input makes this plain: in the 16×16 output the interior is all 4s, and
# 1 and 2 remain only in the outermost ring.

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
# 겹침이 균일하다고 설명합니다. 원문이 말하는 1과
# 4의 차이는 주기적인 무늬가 아니라, 이미지 테두리 한 줄이 덜 더해져 어두워지는 가장자리 효과입니다. 겹침
# 수에서 체커보드처럼 2픽셀마다 되풀이되는 무늬는 K가 S로 나누어떨어지지 않을 때 안쪽에 생깁니다. 네 가지
# 설정을 나란히 판정해 보겠습니다. (그렇다고 K=4, S=2에 체커보드가 없다는 뜻은 아닙니다. 4절에서 보듯 무늬는
# 여전히 생기고, 그 두 번째 원인은 5절에서 다룹니다.)

# %% [markdown] tags=["lang-en"]
# So the overlap of K=4, S=2 is **even in the interior**; Odena et al. (2016) too explain that the overlap is even
# when the stride divides the kernel size. The
# document's 1 versus 4 is not a periodic pattern but a border effect: the outermost ring of the image
# receives fewer contributions and comes out darker. A pattern that repeats every two pixels, like a
# checkerboard, appears in the overlap counts' interior when S does not divide K. Let us judge the four
# settings side by side. (This does not mean K=4, S=2 is free of checkerboards: section 4 shows that the
# pattern still appears, and section 5 names its second cause.)

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
# 슬라이더로 커널 $K$, 스트라이드 $S$, 패딩 $P$, 입력 크기 $I$를 바꾸며 겹침 지도와 판정을 확인해 보세요.
# 처음 값은 원문의 표(입력 3, K=4, S=2, P=1)입니다. 쓸 수 없는 조합을 고르면 어떤 규칙을 어겼는지 알려 줍니다.
# 위젯이 움직이지 않는 곳(슬라이드, HTML)에서는 위젯 자리에 같은 결과가 글로 나옵니다.

# %% [markdown] tags=["lang-en"]
# ## 3. The overlap explorer
#
# Move the sliders for the kernel $K$, stride $S$, padding $P$ and input size $I$ and watch the overlap map
# and the verdict. It starts at the document's table (input 3, K=4, S=2, P=1). An invalid combination tells
# you which rule it breaks. Where widgets do not run (slides, HTML), the same result appears as text in the
# widget's place.

# %%
explorer = OverlapExplorer(LANG)
explorer

# %% [markdown] tags=["lang-ko"]
# 코드로 슬라이더를 움직여도 됩니다(위의 탐색기는 그대로 두고 새 탐색기로 해 봅니다). 입력을 6으로 키우고
# K=3으로 바꾸면 안쪽이 불균일해집니다. 작은 입력(2×2)에 패딩을 4나 주면 출력 크기가 1보다 작아져 쓸 수 없는
# 조합이 됩니다.

# %% [markdown] tags=["lang-en"]
# You can move the sliders from code too (we use a second explorer and leave the one above alone). With an
# input of 6, K=3 makes the interior uneven. A padding of 4 on a small (2×2) input makes the output smaller
# than 1, an invalid combination.

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
# 겹침 수는 "입력이 몇 개 더해지는가"만 셉니다. 실제 출력은 입력에 **가중치**까지 곱해 더한 값입니다. 그래서
# 이제 층 자체를 시험합니다. 모든 값이 1인 **상수 입력**을 넣고 아래의 체커보드 강도로 재는 이 시험은 이 코스가
# 정한 측정입니다. Odena 외(2016)는 겹침을 그림으로 보여 줍니다.
# 위치에 따라 다르게 동작하지 않는 층이라면 경계에서 떨어진 안쪽 출력도 평평해야 합니다.
#
# 스트라이드 2인 층의 출력 픽셀 $(i, j)$는 $(i \bmod 2,\ j \bmod 2)$에 따라 네 가지 **위상** 가운데 하나에
# 속합니다. **체커보드 강도**(`course_utils.metrics.checkerboard_strength`)는 다음과 같이 정의합니다.
#
# 1. 출력의 테두리 `border`(기본 4)픽셀을 버리고 안쪽 $Y$만 남깁니다(한 변이 주기의 배수가 되게 자릅니다).
# 2. 채널마다 안쪽의 평균 $c$와 위상 $(a, b)$의 평균 $m_{ab}$를 구합니다($c$는 네 $m_{ab}$의 평균이기도 합니다).
# 3. $\text{강도} = \sqrt{\operatorname{mean}(m_{ab} - c)^2 \,/\, \operatorname{mean} (Y - c)^2}$
#
# 분모는 안쪽의 변동(채널 평균을 뺀 값의 제곱 평균, 곧 분산)이고, 강도²은 그 변동 가운데 위상에만 달린 무늬가
# 차지하는 몫입니다. 따라서 위상에 따른 차이가 없으면 0, 변동이 모두 위상 무늬이면 1이고, 0과 1 사이를 벗어나지
# 않습니다. 출력에 상수를 더해도(채널마다 다른 상수여도), 0이 아닌 수를 곱해도 변하지 않습니다. 변동이 float32
# 반올림보다 넉넉히 큰 문턱(가장 큰 절댓값의 10⁻⁵배) 이하인 평평한 안쪽은 0입니다
# (`tests/test_metrics.py`가 이 성질을 모두 검사합니다). 상수 입력에 대한 응답은 안쪽이 정확히 주기적이므로, 무늬를 만드는 층은 1, 만들지 않는 층은 0이
# 나옵니다. 무늬가 얼마나 큰지는 위상 평균(`phase_means`)과 그 RMS(`pattern_rms`, 출력과 같은 단위)로 봅니다.
# 판정 단어는 1e-3 미만이면 "없음", 0.1 미만(변동 에너지의 1% 미만)이면 "약함", 그 이상이면 "뚜렷함"입니다.
#
# 아래 여덟 층은 32채널 12×12 상수 입력을 24×24로 키웁니다. 픽셀 셔플에는 **ICNR 초기화**(Aitken 외 2017)를
# 쓴 경우와, 흔히 보는 잘못된 구현(`repeat_interleave` 대신 `.repeat`)도 넣었습니다. 이 두 층을 빼면 모두
# PyTorch 기본 초기화 그대로입니다. ICNR은 배율이 $r$일 때 한 출력 채널을 이루는 $r^2$개의 서브픽셀 커널을
# 처음에 모두 똑같이 맞추는 초기화입니다.

# %% [markdown] tags=["lang-en"]
# ## 4. The artifact itself: the response to a constant input
#
# Overlap counts only say how many inputs are added; a real output adds them multiplied by **weights**. So
# now we test the layers themselves: feed a **constant input** of all ones and measure the checkerboard
# strength defined below. This test is the course's own measure; Odena et al. (2016) illustrate the overlap
# with drawings.
# A layer that treats every position alike must answer with a flat interior, away from the border.
#
# An output pixel $(i, j)$ of a stride-2 layer belongs to one of four **phases**, given by
# $(i \bmod 2,\ j \bmod 2)$. The **checkerboard strength** (`course_utils.metrics.checkerboard_strength`) is:
#
# 1. Drop `border` pixels (4 by default) on each side and keep the interior $Y$ (cropped to whole periods).
# 2. For every channel, take the interior's mean $c$ and the mean $m_{ab}$ of each of the four phases ($c$ is
#    also the average of the four $m_{ab}$).
# 3. $\text{strength} = \sqrt{\operatorname{mean}(m_{ab} - c)^2 \,/\, \operatorname{mean} (Y - c)^2}$
#
# The denominator is the interior's variation (the mean square of the values minus their channel mean: the
# variance), and strength² is the share of that variation that depends only on the phase. So it is 0 with no
# phase dependence, 1 when all the variation is the phase pattern, and never outside [0, 1]. Adding a constant
# to the output (even a different one per channel) or multiplying it by any nonzero number leaves it unchanged.
# A flat interior, whose variation is below a threshold comfortably above float32 rounding (10⁻⁵ of the
# largest magnitude), has strength 0 (`tests/test_metrics.py` checks all of these properties). The response to a constant input has an
# exactly periodic interior, so a layer that makes a pattern scores 1 and one that makes none scores 0; how
# large the pattern is shows in the phase means (`phase_means`) and their RMS (`pattern_rms`, in the output's
# units). The verdict words: "none" below 1e-3, "weak" below 0.1 (under 1% of the variation's energy), "clear"
# from there up.
#
# The eight layers below grow a 32-channel 12×12 constant input to 24×24. For the pixel shuffle we add **ICNR
# initialization** (Aitken et al. 2017) and the common wrong version of it (`.repeat` instead of
# `repeat_interleave`); apart from these two, every layer keeps PyTorch's default initialization. With scale
# $r$, ICNR starts the $r^2$ sub-pixel kernels that make up one output channel as identical copies.

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
strengths = {name: checkerboard_strength(y) for name, y in responses.items()}
for name, y in responses.items():
    print(f"{name:<32} {tuple(y.shape)}  checkerboard_strength {strengths[name]:.3f}  {strength_verdict(strengths[name], LANG)}")

# %%
strength_bars(list(strengths), list(strengths.values()), LANG)

# %%
response_gallery([y[0, 0, 4:-4, 4:-4] for y in responses.values()],
                 [f"{name}\n{strengths[name]:.3f}" for name in responses], LANG)

# %% [markdown] tags=["lang-ko"]
# 결과를 정리하면 이렇습니다.
#
# - 전치 합성곱은 세 가지 모두 뚜렷합니다. 안쪽이 균일하게 겹치는 K=4와, 아예 겹치지 않는 K=2도 그렇습니다.
# - 업샘플링 + 합성곱은 최근접 이웃 보간이든 쌍선형 보간이든 0입니다.
# - 기본 초기화 그대로인 픽셀 셔플에도 무늬가 있습니다(강도 1). 원문이 장점으로 든 "체커보드 적음"은 적어도
#   초기화 직후에는 맞지 않습니다. 이 강도는 크기와 상관없이 무늬가 있으면 1이므로, 무늬의 크기를 서로 비교하지는
#   못합니다.
# - ICNR로 초기화하면 0이 됩니다. 그러나 `.repeat`로 잘못 복사하면 여전히 뚜렷합니다.
#
# 겹침이 균일한데도 무늬가 생기는 까닭은 무엇일까요? 원인을 둘로 나눠 보겠습니다.

# %% [markdown] tags=["lang-en"]
# In short:
#
# - All three transposed convolutions are clear, including K=4 with its even interior and K=2 with no
#   overlap at all.
# - Upsample + convolution is 0, with nearest-neighbour and bilinear interpolation alike.
# - The pixel shuffle with default initialization also shows a pattern (strength 1): the advantage the
#   document claims, "few checkerboards" (translated), does not hold, at least right after initialization.
#   This strength is 1 for any pattern whatever its size, so it does not compare the patterns' sizes.
# - ICNR brings it to 0, but with the wrong copy (`.repeat`) the pattern stays clear.
#
# Why is there a pattern even when the overlap is even? Let us separate the two causes.

# %% [markdown] tags=["lang-ko"]
# ## 5. 두 가지 원인
#
# 모든 값이 1인 상수 입력에 대한 응답에서, 위상 $(a, b)$에 속한 안쪽 픽셀의 값은 **그 위상에 닿는 커널 탭의
# 가중치를 모두 더한 값**(입력 채널 전체에 걸친 합에 편향을 더한 값)입니다. 그러니 네 위상의 값이 같으려면
# 네 위상의 가중치 합이 같아야 합니다. 이 조건이 깨지는 길은 두 가지입니다.
#
# **원인 1: 불균일한 겹침.** 위상마다 닿는 탭의 **개수**가 다릅니다. 가중치를 모두 같은 값으로 두어도 합이
# 달라집니다. 가중치를 모두 1로 두고 확인해 봅시다. 이때 위상 평균이 바로 겹침 수입니다.

# %% [markdown] tags=["lang-en"]
# ## 5. Two causes
#
# In the response to a constant input of ones, an interior pixel of phase $(a, b)$ holds **the sum of the
# weights of the kernel taps that reach that phase** (summed over the input channels, plus the bias). For the
# four phases to agree, their four weight sums must agree. There are two ways to break this.
#
# **Cause 1: uneven overlap.** The phases receive different **numbers** of taps, so the sums differ even when
# all weights are equal. Set every weight to 1 and check: the phase means are exactly the overlap counts.

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
# 가중치가 모두 같으면 불균일한 설정(K=3, K=5)에만 무늬가 생기고, 균일한 설정(K=4, K=2)은 강도가 0입니다.
#
# **원인 2: 서로 독립인 위상.** 위상마다 닿는 탭의 개수가 같아도, 그 탭들은 **서로 다른** 가중치입니다.
# K=4, S=2, P=1에서 짝수 행 위상에는 커널의 1, 3번 행 탭이, 홀수 행 위상에는 0, 2번 행 탭이 닿습니다(열도
# 마찬가지). 무작위로 초기화하면 네 위상의 가중치 합은 서로 독립인 난수가 되므로, 네 위상은 상수 입력에도
# 서로 다른 값을 내놓습니다. 위 여덟 층 가운데 K=4 층의 응답에서 출력 채널 0의 위상 평균을 가중치 합으로
# 직접 계산해 맞춰 봅시다.

# %% [markdown] tags=["lang-en"]
# With equal weights only the uneven settings (K=3, K=5) show a pattern; the even ones (K=4, K=2) have
# strength 0.
#
# **Cause 2: independent phases.** Even when every phase receives the same number of taps, those taps are
# **different** weights. For K=4, S=2, P=1 the even-row phase receives kernel rows 1 and 3, the odd-row phase
# rows 0 and 2 (the same for columns). After random initialization the four phases' weight sums are
# independent random numbers, and they answer a constant input with four different values. Let us
# reproduce the phase means of output channel 0 of the K=4 layer above from its weight sums.

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
# 측정한 위상 평균과 가중치 합이 같습니다. 즉 **균일한 겹침만으로는 무늬가 사라지지 않습니다**. 겹침 수가
# 같다는 것은 탭의 개수가 같다는 뜻이지, 가중치의 합이 같다는 뜻이 아닙니다.
#
# Odena 외(2016)는 불균일한 겹침을 아티팩트가 생기는 기본 원인으로 꼽고, 겹침이 균일한 층도 모델이 학습한
# 커널에 따라 비슷한 아티팩트를 자주 만든다고 설명합니다. 이 레슨의 측정은 "균일한 겹침만으로는 충분하지
# 않다"는 점에서 그 글과 같고, 무늬가 언제 생기느냐에서 다릅니다. 학습을 기다릴 것 없이 기본 초기화 직후에
# 이미 무늬가 뚜렷합니다. 네 위상의 가중치 합이 처음부터 서로 독립인 난수이기 때문입니다(원인 2). 학습이 이
# 합들을 맞춰 줄 수는 있지만, 그렇게 된다는 보장은 없습니다.
#
# ### 층을 쌓으면 무늬가 커진다
#
# 실제 생성자는 스트라이드 2인 층을 여러 개 쌓습니다. 원인 1부터 봅시다. 가중치가 모두 같은 K=3, S=2 층을
# 1개, 2개, 3개 쌓으면 안쪽의 최대/최소 비가 4, 9, 25로 커지고, 층마다 무늬의 주기도 2배가 됩니다(2, 4, 8).

# %% [markdown] tags=["lang-en"]
# The measured phase means equal the weight sums. So **even overlap alone does not remove the pattern**:
# equal overlap counts mean an equal number of taps, not equal sums of weights.
#
# Odena et al. (2016) name uneven overlap as the default cause of the artifacts, and explain that layers with
# even overlap also often produce similar artifacts through the kernels the model learns. Our measurement agrees
# that even overlap is not enough, and differs on when the pattern appears: there is no need to wait for
# training, because right after default initialization the four phases' weight sums are already independent
# random numbers (cause 2), and the pattern is clear. Training may equalize these sums, but nothing guarantees
# it.
#
# ### Stacking layers makes it grow
#
# Real generators stack several stride-2 layers. Cause 1 first: with 1, 2 and 3 stacked equal-weight
# K=3, S=2 layers the interior max/min ratio grows to 4, 9 and 25, and each layer doubles the period of the
# pattern (2, 4, 8).

# %%
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

# %% [markdown] tags=["lang-ko"]
# 원인 2를 보려면 겹침이 균일한 K=4, S=2, P=1 층을 기본 초기화 그대로 쌓습니다. 편향은 DCGAN처럼 뺍니다(`bias=False`).
# 층 $L$개를 지나면 무늬가 $2^L$픽셀마다 되풀이되므로, 강도를 잴 때도 주기를 그만큼 늘립니다.
# 비교를 위해 최근접 이웃 보간 + 합성곱도 같은 깊이로 쌓습니다.

# %% [markdown] tags=["lang-en"]
# For cause 2, stack even-overlap K=4, S=2, P=1 layers with default initialization, without bias as in DCGAN
# (`bias=False`). After $L$ layers the pattern repeats every $2^L$ pixels, so we measure the strength with
# period $2^L$. For comparison, we stack nearest-neighbour upsampling + convolution to the same depth.

# %%
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

# %%
centre = [stacked["ConvT k4s2", depth][0, 0] for depth in (1, 2, 3)]
response_gallery([y[len(y) // 2 - 8:len(y) // 2 + 8, len(y) // 2 - 8:len(y) // 2 + 8] for y in centre],
                 [f"ConvT k4s2 × {depth}, 16×16" for depth in (1, 2, 3)], LANG)

# %% [markdown] tags=["lang-ko"]
# 전치 합성곱은 몇 층을 쌓아도 강도가 1입니다. 안쪽의 변동이 모두 $2^L$픽셀마다 되풀이되는 무늬라는 뜻입니다.
# 층이 늘면서 달라지는 것은 무늬의 주기(2, 4, 8픽셀)이고, 그림에서도 여러 크기의 격자가 겹쳐 보입니다. 업샘플링 + 합성곱은 몇 층을 쌓아도 0입니다. 평평한 입력은
# 평평한 출력으로, 그 출력은 다음 층에서 다시 평평한 출력으로 이어지기 때문입니다.

# %% [markdown] tags=["lang-en"]
# Stacked transposed convolutions have strength 1 at every depth: all of the interior's variation is a pattern
# that repeats every $2^L$ pixels. What changes with depth is the pattern's period (2, 4, 8 pixels), and the
# picture shows grids of several sizes on top of each other.
# Upsample + convolution stays at 0 however deep: a flat input gives a flat output, which the next layer
# again turns into a flat output.

# %% [markdown] tags=["lang-ko"]
# ## 6. 기울기에도 체커보드가 생긴다
#
# 합성곱의 입력에 대한 기울기는 같은 설정의 전치 합성곱으로 계산됩니다(레슨 02). 따라서 스트라이드가 있는
# 합성곱의 기울기도 겹침 무늬를 그대로 물려받습니다. 판별자나 인코더의 스트라이드 2 합성곱을 거쳐 돌아오는
# 기울기가 그렇습니다(Odena 외 2016). 가중치를 모두 1로 둔 K=3, S=2 합성곱에서 손실을 `y.sum()`으로 두고
# 역전파하면, 입력 기울기는 겹침 지도와 정확히 같습니다.

# %% [markdown] tags=["lang-en"]
# ## 6. Gradients have checkerboards too
#
# The gradient of a convolution with respect to its input is computed by the transposed convolution with the
# same settings (lesson 02), so the gradients of a strided convolution inherit the overlap pattern, for
# example the gradients that flow back through the stride-2 convolutions of a discriminator or an encoder
# (Odena et al. 2016). Take an all-ones K=3, S=2 convolution and backpropagate the loss `y.sum()`: the input
# gradient is exactly the overlap map.

# %%
conv = nn.Conv2d(1, 1, 3, stride=2, bias=False)
conv.weight.fill_(1.0)
with torch.enable_grad():
    x = torch.zeros(1, 1, 17, 17, requires_grad=True)
    y = conv(x)
    y.sum().backward()
print("y:", tuple(y.shape), "x.grad:", tuple(x.grad.shape))
claim("x.grad == overlap_map(8, 3, 2)", torch.equal(x.grad[0, 0], overlap_map(8, 3, 2).float()))
print(x.grad[0, 0, :6, :6])

# %% [markdown] tags=["lang-ko"]
# 무작위로 초기화한 합성곱도 마찬가지입니다. 스트라이드 1에서는 기울기에 무늬가 없고, 스트라이드 2에서는 K=3이든
# K=4든 뚜렷합니다. 겹침이 균일한 K=4에서도 뚜렷한 것은 원인 2가 기울기에도 그대로 적용되기 때문입니다.

# %% [markdown] tags=["lang-en"]
# Randomly initialized convolutions behave the same way: stride 1 leaves the gradient pattern-free, while
# stride 2 gives a clear pattern with K=3 and K=4 alike. K=4 is clear despite its even overlap because cause 2
# applies to gradients as well.

# %%
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
# 원문의 해결책 세 가지를 모듈로 만들고, 원문과 같은 `(1, 256, 14, 14)` 입력에 적용해 출력 크기를 확인한 뒤,
# 상수 입력에 대한 체커보드 강도로 판정합니다.
#
# 1. **업샘플링 + 합성곱**(resize-convolution): 보간으로 먼저 키우고 3×3 합성곱을 합니다(Odena 외 2016).
# 2. **픽셀 셔플**(서브픽셀 합성곱): 3×3 합성곱으로 채널을 $r^2$배로 늘린 뒤 `PixelShuffle`로 공간에
#    펼칩니다(Shi 외 2016a). 필요하면 ICNR 초기화를 씁니다(Aitken 외 2017).
# 3. **커널 = 스트라이드**: K=2, S=2 전치 합성곱으로 겹침을 없앱니다.

# %% [markdown] tags=["lang-en"]
# ## 7. The three fixes
#
# We build the document's three fixes as modules, apply them to the document's `(1, 256, 14, 14)` input to
# check the output shape, and judge them by the checkerboard strength of their response to a constant input.
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
# ICNR로 초기화한 픽셀 셔플은 처음에는 "저해상도에서 3×3 합성곱을 한 뒤 최근접 이웃 보간으로 2배 키우기"와
# 정확히 같습니다. 네 서브픽셀이 같은 커널의 사본이어서, 한 입력 위치에서 나온 2×2 블록의 네 값이 모두 같기
# 때문입니다.

# %% [markdown] tags=["lang-en"]
# The ICNR-initialized pixel shuffle starts out exactly as "a 3×3 convolution at low resolution, then
# nearest-neighbour upsampling by 2": its four sub-pixels are copies of one kernel, so each 2×2 block that
# comes from one input position holds a single value.

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
# 지금까지의 판정은 모두 상수 입력으로 했습니다. 업샘플링 + 합성곱이 보장하는 것은 정확히 그만큼입니다. 평평한
# 입력은 보간을 거쳐도 평평하므로, 가중치가 무엇이든 평평한 영역에는 위상 무늬가 생기지 않습니다. 그러나
# 밝기가 일정하게 변하는 영역에서는 다릅니다. 한 방향으로 1씩 커지는 **램프**를 2배로 키운 뒤, 시드를 고정한
# 무작위 3×3 합성곱을 적용하고, 가장자리에서 떨어진 한 행에서 이웃한 출력 픽셀의 차이(계단 높이 Δy)를 봅시다.
# 최근접 이웃 보간은 램프를 0, 0, 1, 1, 2, 2, …처럼 두 칸씩 같은 계단으로 만들기 때문에, 합성곱을 거친 계단
# 높이가 주기 2로 번갈아 나옵니다. 쌍선형 보간은 램프를 안쪽에서 그대로 램프로 키우므로 계단 높이가 일정합니다.

# %% [markdown] tags=["lang-en"]
# ### Beyond flat inputs: a ramp
#
# Every verdict so far used a constant input, and that is exactly what upsample + convolution guarantees: a flat
# input stays flat through interpolation, so whatever the weights, flat regions get no phase pattern. Regions
# whose brightness changes steadily are another matter. Upsample a **ramp** that grows by 1 per pixel along one
# axis by 2, apply a random 3×3 convolution with a fixed seed, and look at the differences between neighbouring
# output pixels (the steps Δy) along one row away from the border. Nearest-neighbour upsampling turns the ramp into
# stairs of width two (0, 0, 1, 1, 2, 2, …), so after the convolution the steps alternate with period 2.
# Bilinear upsampling keeps a ramp a ramp in the interior, so the step is constant.

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
# 그러니 업샘플링 + 합성곱에 대해 말할 수 있는 것은
# "평평한 영역에는 가중치와 상관없이 체커보드가 생기지 않는다"까지입니다. 최근접 이웃 쪽은 밝기가 변하는 영역에
# 주기 2의 무늬를 남길 수 있고, 쌍선형 쪽도 선형 램프에서 일정할 뿐 모든 입력에서 그런 것은 아닙니다. 다만 층이
# (편향을 빼면) 선형이므로 램프에서 생기는 이 무늬는 램프의 기울기에 비례하고, 상수 입력에서 보던 전치 합성곱의
# 무늬와 달리 평평한 배경 전체에 깔리지는 않습니다.

# %% [markdown] tags=["lang-en"]
# So what can be said of upsample + convolution is "no checkerboard on flat regions, whatever the weights", and
# no more. The nearest-neighbour version can leave a period-2 pattern where brightness changes, and the bilinear
# version gives a constant step on a linear ramp, which does not make it pattern-free for every input. The
# layer is linear (bias aside), though, so the pattern on a ramp is proportional to the ramp's slope, and unlike the transposed convolution's response to a
# constant input it does not cover flat backgrounds.

# %% [markdown] tags=["lang-ko"]
# ### 각 해결책이 고치는 것과 못 고치는 것
#
# | 해결책 | 고치는 것 | 못 고치는 것 |
# |---|---|---|
# | 업샘플링 + 합성곱 | 평평한 영역에서는 두 원인 모두. 보간이 평평한 입력을 평평하게 키우므로 **가중치가 무엇이든**(학습 뒤에도) 평평한 영역에 위상 무늬를 만들 수 없습니다. 밝기가 변하는 영역에서는 최근접 이웃 쪽에 주기 2의 무늬가 남을 수 있습니다(위의 램프). 레슨 05에서 최근접 이웃 보간 + 3×3 합성곱이 "네 위상의 가중치 합이 늘 같도록 묶인" K=4, S=2, P=1 전치 합성곱임을 보입니다. | 비용: 합성곱이 고해상도에서 돌아 곱셈-덧셈이 K=4 전치 합성곱의 2.25배입니다(레슨 05). 최근접 이웃 보간은 2×2 블록을 복사할 뿐이라 매끄럽게 만드는 일은 합성곱이 맡고, 쌍선형 보간은 결과를 흐리게 합니다(Odena 외 2016은 최근접 이웃 쪽이 더 나았다고 보고). 다른 곳의 스트라이드 합성곱에서 오는 기울기 체커보드는 그대로입니다. |
# | 픽셀 셔플 | 기본 초기화로는 **아무것도** 고치지 않습니다(위 측정: 무늬가 있음, 강도 1). ICNR을 쓰면 초기화 시점의 무늬가 정확히 0이 됩니다. | ICNR은 출발점일 뿐입니다. 학습이 시작되면 서브픽셀 커널을 같게 묶어 두는 것이 없습니다. 편향도 같이 묶어야 하고, `.repeat`로 복사하면 효과가 없습니다. 파라미터는 업샘플링 + 합성곱의 4배입니다. |
# | 커널 = 스트라이드 (K=2, S=2) | 원인 1(겹침이 전혀 없으므로 겹침 수는 모두 1). | 원인 2. 네 위상이 커널의 서로 다른 탭 하나씩을 쓰는 가장 극단적인 "독립 위상" 층이라, 초기화 직후 무늬가 뚜렷합니다. 겹침이 없으니 체커보드도 없다는 원문의 설명은 측정과 맞지 않습니다. 출력 픽셀 하나가 입력 픽셀 하나만 보므로 주변 정보를 섞지 못합니다. |

# %% [markdown] tags=["lang-en"]
# ### What each fix fixes, and what it does not
#
# | Fix | Fixes | Does not fix |
# |---|---|---|
# | Upsample + convolution | Both causes, on flat regions. Interpolation grows a flat input into a flat map, so **whatever the weights** (also after training) it cannot put a phase pattern on flat regions. Where brightness changes, the nearest-neighbour version can leave a period-2 pattern (the ramp above). Lesson 05 shows that nearest-neighbour upsampling + 3×3 convolution is a K=4, S=2, P=1 transposed convolution whose four phase weight sums are tied to be equal. | Cost: the convolution runs at high resolution, 2.25 times the multiply-adds of the K=4 transposed convolution (lesson 05). Nearest-neighbour upsampling only copies 2×2 blocks and leaves the smoothing to the convolution; bilinear blurs (Odena et al. 2016 found nearest-neighbour worked better). Gradient checkerboards from strided convolutions elsewhere remain. |
# | Pixel shuffle | With default initialization, **nothing** (measured above: a pattern, strength 1). With ICNR, the pattern at initialization is exactly 0. | ICNR is only a starting point: once training starts nothing keeps the sub-pixel kernels equal. The bias must be tied too, and copying with `.repeat` does nothing. It has 4 times the parameters of upsample + convolution. |
# | Kernel = stride (K=2, S=2) | Cause 1 (nothing overlaps, every overlap count is 1). | Cause 2. Each of the four phases uses a different single tap of the kernel, the most extreme "independent phases" layer, so the pattern is clear right after initialization. The document's explanation that no overlap means no checkerboard does not match the measurement. Each output pixel sees a single input pixel, so it mixes no neighbourhood information. |

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - 겹침 수는 1로 채운 입력을 1로 채운 커널로 전치 합성곱한 결과입니다. $K$가 $S$로 나누어떨어지지 않으면
#   안쪽이 주기 $S$로 불균일해지고, 2-D에서는 최대/최소 비가 제곱이 됩니다(K=3, S=2: 1-D 2 → 2-D 4).
# - 원문의 6×6 표(K=4, S=2, P=1, 입력 3×3)는 숫자는 맞지만, 1과 4의 차이는 가장자리 효과입니다. K=4, S=2의
#   안쪽은 균일합니다.
# - 상수 입력에 대한 응답의 위상 평균은 위상별 가중치 합입니다. 위상마다 탭 개수가 다르거나(불균일한 겹침)
#   탭의 가중치가 서로 다르면(서로 독립인 위상) 무늬가 생깁니다. 균일한 겹침만으로는 무늬가 사라지지 않고,
#   층을 쌓으면 무늬가 커집니다.
# - 스트라이드 합성곱의 기울기에도 같은 무늬가 생깁니다.
# - 업샘플링 + 합성곱은 가중치가 무엇이든 평평한 영역에 무늬를 만들지 못합니다. 밝기가 변하는 영역에서는
#   최근접 이웃 쪽에 주기 2의 계단이 남을 수 있습니다(램프). 픽셀 셔플은 ICNR로 초기화할 때만 무늬 없이
#   출발하고, 커널 = 스트라이드는 원인 1만 없앱니다.
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
# - The overlap count is the transposed convolution of an all-ones input with an all-ones kernel. When $S$
#   does not divide $K$ the interior is uneven with period $S$, and in 2-D the max/min ratio is squared
#   (K=3, S=2: 2 in 1-D → 4 in 2-D).
# - The document's 6×6 table (K=4, S=2, P=1 on a 3×3 input) has the right numbers, but its 1 versus 4 is a
#   border effect: the interior of K=4, S=2 is even.
# - The phase means of the response to a constant input are the per-phase weight sums. Different numbers of
#   taps per phase (uneven overlap) or different tap weights (independent phases) make a pattern. Even
#   overlap alone does not remove it, and stacking layers makes the pattern grow.
# - Gradients of strided convolutions carry the same pattern.
# - Upsample + convolution cannot put a pattern on flat regions, whatever the weights; where brightness
#   changes, the nearest-neighbour version can leave period-2 steps (the ramp). The pixel shuffle starts
#   pattern-free only with ICNR; kernel = stride removes cause 1 only.
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
# 테두리 2픽셀을 뺀 입력 기울기에는 서로 다른 값이 몇 가지 있을까요?

# %% [markdown] tags=["lang-en"]
# **4.** Feed a 17×17 input to an all-ones `Conv2d(1, 1, 3, stride=2, bias=False)` and backpropagate
# `y.sum()`. Leaving out a 2-pixel border, how many different values does the input gradient take?

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

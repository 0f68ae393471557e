# %% [markdown] tags=["lang-ko"]
# # 02. 동작 원리
#
# 전치 합성곱(transposed convolution)은 입력 값마다 커널 전체에 그 값을 곱해 출력에 더하고, 겹치는 칸은 합합니다.
# 이름은 합성곱을 행렬 $C$로 썼을 때 그 **전치**인 $C^\top$를 곱한다는 데서 왔습니다. 이 레슨에서는 다음을 이 순서로
# 코드로 확인합니다.
#
# 1. 계산은 **흩뿌려 더하기**입니다. 원문의 예를 한 단계씩 따라간 뒤 직접 구현합니다.
# 2. 합성곱은 행렬 $C$를 곱하는 것이고, 전치 합성곱은 $C^\top$를 곱하는 것입니다.
# 3. $C^\top$는 $C$의 역행렬이 아닙니다. 크기는 되돌리지만 값은 되돌리지 못합니다.
# 4. 전치 합성곱은 합성곱의 입력에 대한 기울기와 같습니다.
# 5. 0 삽입, GEMM + col2im, 서브픽셀 위상으로 계산해도 값이 같습니다. 이어서 채널과 편향의 모양을 봅니다.
#
# 서브픽셀 위상과 "어느 방식이 빠른가"는 건너뛰어도 되는 심화 절입니다. 출력되는 값은 모두 코드가 계산하고,
# CI가 두 언어의 노트북을 다시 실행해 확인합니다.

# %% [markdown] tags=["lang-en"]
# # 02. How it works
#
# A transposed convolution multiplies the whole kernel by each input value, adds the copy to the output, and sums
# the overlapping cells. Its name comes from writing a convolution as a matrix $C$: this operation multiplies by
# the **transpose $C^\top$**. This lesson checks in code, in this order:
#
# 1. The computation is **scatter-add**: we follow the document's example step by step, then write it ourselves.
# 2. A convolution multiplies by a matrix $C$; a transposed convolution multiplies by $C^\top$.
# 3. $C^\top$ is not the inverse of $C$: it restores the size, not the values.
# 4. A transposed convolution is the gradient of a convolution with respect to its input.
# 5. Zero insertion, GEMM + col2im and sub-pixel phases give the same values. Then the shapes of channels and bias.
#
# The sub-pixel phases and "which formulation is fast" are deep dives you may skip. The code computes every
# printed value, and CI re-runs the notebooks of both languages to check them.

# %% [markdown] tags=["lang-ko", "goals"]
# **이 레슨을 마치면** 전치 합성곱을 흩뿌려 더하기로 손으로 계산하고, $C^\top$ 곱셈으로 쓴 뒤 역연산이 아닌 이유를 설명하며, 합성곱의 기울기라는 성질에서 가중치 모양을 설명하고, 0 삽입이나 GEMM + col2im으로 같은 값을 계산할 수 있습니다.

# %% [markdown] tags=["lang-en", "goals"]
# **After this lesson you can** compute a transposed convolution by hand as scatter-add, write it as multiplication by $C^\top$ and explain why that is not an inverse, explain its weight shape from its being the gradient of a convolution, and compute it by zero insertion or GEMM + col2im.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 긴 레슨입니다. 두 번에 나누어 가르친다면 6절(세 가지 관점) 앞에서 끊으세요. 1절은 계산으로 보는
# 관점, 2–5절은 행렬로 보는 관점입니다. 심화 절(6.3절, 8절)은 시간이 모자라면 건너뛰세요.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** A long lesson. If you teach it in two sessions, break before section 6 (three views).
# Section 1 is the computational view, sections 2–5 the matrix view. Skip the deep dives (6.3, 8) when time is short.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.benchmark import Timer
from torch.utils.flop_counter import FlopCounterMode

from course_utils.claims import claim, close
from course_utils.diagrams import conv_matrix_grid, scatter_add_steps
from course_utils.exercises import check, verify
from course_utils.exercises.coding import check_code, hint, verify_code
from course_utils.notebook import setup
from course_utils.reference import conv_matrix, conv_transpose2d
from course_utils.widgets import ScatterAddStepper

torch.set_default_dtype(torch.float64)
setup(LANG)

# %% [markdown] tags=["lang-ko"]
# 이 레슨은 `float64`로 계산하므로 반올림 오차가 "같다"는 판정을 흔들 일이 거의 없습니다.
#
# ## 1. 흩뿌려 더하기, 한 단계씩
#
# 원문의 예, 2×2 입력 `[[1, 2], [3, 4]]`와 3×3 커널 a…i(스트라이드 1, 패딩 0)를 손으로 따라가 봅시다. 스트라이드가
# $S$이면 입력 $(i, j)$의 값 $v$는 커널 성분 $(k_i, k_j)$와 곱해져 출력 $(i\cdot S + k_i,\; j\cdot S + k_j)$에
# 더해집니다.
# 먼저 **기호**로, 칸마다 어떤 곱이 모이는지 문자열로 쌓아 봅니다.

# %% [markdown] tags=["lang-en"]
# This lesson computes in `float64`, so rounding errors hardly ever get in the way of "equal".
#
# ## 1. Scatter-add, step by step
#
# Follow the document's example by hand: the 2×2 input `[[1, 2], [3, 4]]` and the 3×3 kernel a…i (stride 1,
# padding 0). With stride $S$, the value $v$ at input $(i, j)$ times kernel entry $(k_i, k_j)$ is added to output
# $(i\cdot S + k_i,\; j\cdot S + k_j)$. First in **symbols**: we collect, as strings, the products in each cell.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 스테퍼 위젯은 강의실에서 한 단계씩 넘기며 보여 주기 좋습니다. 슬라이드로 발표할 때는 위젯 대신 네 단계를
# 그린 그림을 쓰세요. 학습자에게 다음 단계에서 어느 칸이 겹칠지 먼저 말하게 해 보세요.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** In class, step through the stepper widget live. When presenting from slides, use the figure
# of the four steps instead. Ask learners to say which cells will overlap before you take the next step.

# %%
values = [[1, 2], [3, 4]]
names = [["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]]
stride, k = 1, 3
size = (2 - 1) * stride + k
grid = [["" for _ in range(size)] for _ in range(size)]
snapshots, stamps = [], []
for i in range(2):
    for j in range(2):
        top, left = i * stride, j * stride  # where this copy of the kernel starts
        for ki in range(k):
            for kj in range(k):
                term = f"{values[i][j]}{names[ki][kj]}"
                cell = grid[top + ki][left + kj]
                grid[top + ki][left + kj] = f"{cell}+{term}" if cell else term
        snapshots.append([row[:] for row in grid])
        stamps.append((top, left, k, k))
        print(f"{len(stamps)}: input[{i},{j}] = {values[i][j]} → [{top}:{top + k}, {left}:{left + k}]")


def show(grid):
    width = max(len(cell) for row in grid for cell in row)
    for row in grid:
        print("  ".join(f"{cell:>{width}}" for cell in row))


show(grid)

# %% [markdown] tags=["lang-ko"]
# 원문의 "Step 2: … 출력 오른쪽 위에 배치"는 엄밀하지 않은 표현입니다. 입력 $(i, j)$의 사본은 출력
# $(i\cdot S,\; j\cdot S)$에서 시작하는 3×3 영역을 덮습니다. 스트라이드 1이면 2단계의 사본(입력 [0,1])은 1단계
# 사본보다 **한 칸 오른쪽**(행 0–2, 열 1–3)에 놓여 1단계 사본과 6칸을 함께 덮습니다. 오른쪽 위 구석에 따로 놓이는
# 것이 아닙니다. 칸마다 모인 곱의 수를 세면 겹침이 보입니다.

# %% [markdown] tags=["lang-en"]
# The document's "Step 2: … placed at the top right of the output" (translated) is loose. The copy of input
# $(i, j)$ covers the 3×3 cells starting at output $(i\cdot S,\; j\cdot S)$. With stride 1, step 2's copy
# (input [0,1]) lands **one column to the right** of step 1's (rows 0–2, columns 1–3) and shares 6 cells with it;
# it is not set apart in the top-right corner. Counting the products in each cell shows the overlaps.

# %%
counts = torch.tensor([[cell.count("+") + 1 if cell else 0 for cell in row] for row in grid])
print("counts:\n", counts)

# %% [markdown] tags=["lang-ko"]
# 네 단계를 그림으로 보면 다음과 같습니다. 주황 테두리가 그 단계에 더한 사본이고, 색이 진할수록 곱이 많이 모인
# 칸입니다. 가운데 네 칸에는 네 사본이 모두 겹칩니다.

# %% [markdown] tags=["lang-en"]
# Here are the four steps as a picture. The orange frame is the copy added in that step; the darker a cell, the
# more products it holds. The four central cells collect all four copies.

# %%
scatter_add_steps(snapshots, stamps, LANG, values=[v for row in values for v in row])

# %% [markdown] tags=["lang-ko"]
# 이제 **숫자**로 바꿉니다. 기호 합에 a = 1, …, i = 9를 넣은 값은 PyTorch의 `conv_transpose2d`와 같아야 합니다.

# %% [markdown] tags=["lang-en"]
# Now switch to **numbers**: substituting a = 1, …, i = 9 into the symbolic sums must give PyTorch's
# `conv_transpose2d`.

# %%
kernel = torch.arange(1.0, 10.0).view(3, 3)  # a … i = 1 … 9
small = torch.tensor([[1.0, 2.0], [3.0, 4.0]])  # the document's 2×2 input
letters = "abcdefghi"


def evaluate(cell):
    return sum(int(term[:-1]) * (letters.index(term[-1]) + 1) for term in cell.split("+")) if cell else 0


numeric = torch.tensor([[evaluate(cell) for cell in row] for row in grid], dtype=torch.float64)
via_torch = F.conv_transpose2d(small.view(1, 1, 2, 2), kernel.view(1, 1, 3, 3)).view(4, 4)
print(numeric.long())
claim("numeric == conv_transpose2d(small, kernel)", torch.equal(numeric, via_torch))

# %% [markdown] tags=["lang-ko"]
# ### 직접 구현하기
#
# 채널, 스트라이드, 패딩까지 넣어도 함수는 열 줄 남짓입니다. $(H-1)S + K$ 크기의 넓은 캔버스에 사본을 모두 더한
# 뒤, 양쪽 가장자리에서 패딩 $P$만큼 잘라 냅니다. 전치 합성곱의 패딩은 칸을 덧붙이지 않고 **잘라 낸다**는 점에
# 주의하세요(레슨 03).

# %% [markdown] tags=["lang-en"]
# ### Writing it yourself
#
# With channels, stride and padding the function is still about ten lines. Add every copy to a wide canvas of
# size $(H-1)S + K$, then cut $P$ cells from each border. Note that the padding of a transposed convolution
# **cuts** cells instead of adding them (lesson 03).

# %%
def conv_transpose2d_loops(x, weight, stride=1, padding=0):
    """Scatter-add: x (C_in, H, W), weight (C_in, C_out, k, k) → (C_out, H_out, W_out)."""
    c_in, h, w = x.shape
    c_out, k = weight.shape[1], weight.shape[2]
    canvas = torch.zeros(c_out, (h - 1) * stride + k, (w - 1) * stride + k)
    for i in range(h):
        for j in range(w):
            top, left = i * stride, j * stride
            for c in range(c_in):
                # input channel c at (i, j) adds weight[c], scaled, to every output channel
                canvas[:, top:top + k, left:left + k] += x[c, i, j] * weight[c]
    return canvas[:, padding:canvas.shape[1] - padding, padding:canvas.shape[2] - padding]


xs = torch.randn(3, 5, 5)
ws = torch.randn(3, 2, 4, 4)  # ConvTranspose2d(3 → 2, kernel_size=4)
ours = conv_transpose2d_loops(xs, ws, stride=2, padding=1)
claim("conv_transpose2d_loops(small, kernel) == via_torch", torch.equal(conv_transpose2d_loops(small[None], kernel[None, None])[0], via_torch))
print("C_in=3, C_out=2, k=4, s=2, p=1:", tuple(ours.shape))
claim("ours == F.conv_transpose2d(…)", close(ours, F.conv_transpose2d(xs[None], ws, stride=2, padding=1)[0]))

# %% [markdown] tags=["lang-ko"]
# `course_utils.reference.conv_transpose2d_loops`는 같은 방식에 배치, 그룹, 팽창, `output_padding`, 편향까지 넣은
# 것이고, `tests/test_reference.py`가 hypothesis로 만든 수많은 설정에서 PyTorch와 1e-10까지 같은지 확인합니다.
#
# ### 스테퍼로 직접 해 보기
#
# 아래 위젯에서 단계를 넘기며 출력이 채워지는 과정을 보세요. 위젯이 처음 보여 주는 스트라이드 2에서는 사본이 두 칸
# 간격으로 놓여 한 행과 한 열에서만 겹칩니다. 패딩을 주면 잘려 나갈 가장자리가 빗금으로 표시되고, 숫자로 보면 마지막
# 단계에서 결과를 PyTorch와 비교합니다. 위젯이 움직이지 않는 곳(슬라이드, HTML)에서는 결과가 글로 나옵니다.

# %% [markdown] tags=["lang-en"]
# `course_utils.reference.conv_transpose2d_loops` is the same method with batch, groups, dilation,
# `output_padding` and bias; `tests/test_reference.py` checks it against PyTorch to 1e-10 on many configurations
# generated by hypothesis.
#
# ### Step through it yourself
#
# Step through the widget below and watch the output fill in. At stride 2, where it starts, the copies land two
# cells apart and overlap in one row and one column only. With padding, the border to be cut is hatched; in
# numbers, the last step compares the result with PyTorch. Where widgets do not run (slides, HTML), the result
# appears as text.

# %%
stepper = ScatterAddStepper(LANG, step=2, stride=2)
stepper

# %% [markdown] tags=["lang-ko"]
# 자주 쓰는 2배 업샘플링 설정(커널 4, 스트라이드 2, 패딩 1)으로 끝까지 더한 숫자 결과입니다. 잘린 가장자리를
# 빼면 2×2가 4×4가 됩니다.

# %% [markdown] tags=["lang-en"]
# The common 2× upsampling setting (kernel 4, stride 2, padding 1), all steps, in numbers. Without the cut border,
# 2×2 becomes 4×4.

# %%
common = ScatterAddStepper(LANG, kernel_size=4, stride=2, padding=1, symbols=False)
common.print()

# %% [markdown] tags=["lang-ko"]
# ## 2. 합성곱을 행렬로 쓰기
#
# 원문의 예처럼 4×4 입력에 3×3 커널을 스트라이드 1, 패딩 0으로 적용하면 출력은 2×2입니다. 입력을 길이 16인
# 벡터로 펴면(`x.flatten()`) 출력 네 칸은 각각 입력 16개의 가중합이므로, 합성곱 전체는 **4×16 행렬** $C$ 하나로
# 쓸 수 있습니다. $C$의 한 행은 출력 한 칸이 읽는 3×3 창 자리에 커널을 놓고 나머지를 0으로 채운 것입니다.

# %% [markdown] tags=["lang-en"]
# ## 2. Convolution as a matrix
#
# In the source document's example, a 3×3 kernel on a 4×4 input (stride 1, padding 0) gives a 2×2 output.
# Flatten the input into a vector of 16 (`x.flatten()`): each of the 4 outputs is a weighted sum of the 16 inputs,
# so the whole convolution is **one 4×16 matrix** $C$. A row of $C$ is the kernel placed on the 3×3 window that
# the output cell reads, with zeros everywhere else.

# %%
x = torch.arange(16.0).view(4, 4)


def conv_matrix_3x3(kernel, size):
    """Row (i, j) of C: the kernel on the window that output (i, j) reads, zeros elsewhere."""
    rows = []
    for i in range(size - 2):
        for j in range(size - 2):
            window = torch.zeros(size, size)
            window[i:i + 3, j:j + 3] = kernel
            rows.append(window.flatten())
    return torch.stack(rows)


C = conv_matrix_3x3(kernel, 4)
print("C:", tuple(C.shape))
print("(C != 0).sum():", int((C != 0).sum()), "/", C.numel())

# %% [markdown] tags=["lang-ko"]
# 그림으로 보면 구조가 드러납니다. 네 행 모두 같은 a…i를 담고 있습니다. 출력이 오른쪽으로 한 칸 가면 커널도 한 칸,
# 아래로 한 행 가면 입력 한 행(4칸)만큼 옮겨 갑니다. 64칸 가운데 36칸만 0이 아닌 **희소 행렬**입니다.

# %% [markdown] tags=["lang-en"]
# The picture shows the structure. All four rows hold the same a…i. When the output moves one cell right, the
# kernel moves one column; one row down, it moves a whole input row (4 columns). Only 36 of the 64 entries are
# nonzero: a **sparse matrix**.

# %%
labels = [[letters[int(v) - 1] if v else "" for v in row] for row in C.tolist()]
conv_matrix_grid(labels, LANG, input_width=4)

# %% [markdown] tags=["lang-ko"]
# $C$를 곱한 결과는 PyTorch의 `conv2d`와 같습니다. PyTorch의 합성곱은 커널을 뒤집지 않는 교차 상관이므로 커널을
# 그대로 창에 놓으면 됩니다. `course_utils.reference.conv_matrix`는 같은 행렬을 스트라이드, 패딩, 팽창, 채널까지
# 넣어 만들며, 5절에서 씁니다.

# %% [markdown] tags=["lang-en"]
# Multiplying by $C$ gives PyTorch's `conv2d`. PyTorch's convolution is a cross-correlation that does not flip the
# kernel, so the kernel goes onto the window as it is. `course_utils.reference.conv_matrix` builds the same matrix
# with stride, padding, dilation and channels; section 5 uses it.

# %%
y = F.conv2d(x.view(1, 1, 4, 4), kernel.view(1, 1, 3, 3)).view(2, 2)
print("conv2d(x):\n", y.long())
claim("C @ x.flatten() == conv2d(x)", torch.equal(C @ x.flatten(), y.flatten()))
claim("C == course_utils.reference.conv_matrix(kernel, 4)", torch.equal(C, conv_matrix(kernel, 4)))

# %% [markdown] tags=["lang-ko"]
# ## 3. 전치 합성곱은 $C^\top$를 곱한다
#
# $C$는 값 16개를 4개로 줄입니다(4×4 → 2×2). 그 전치 $C^\top$는 16×4 행렬이므로 값 4개를 16개로 늘립니다(2×2 → 4×4).
# 1절의 입력 `small`에 $C^\top$를 곱한 결과를, **같은 커널**로 부른 `conv_transpose2d`의 결과(1절의 `via_torch`)와
# 비교해 봅시다.

# %% [markdown] tags=["lang-en"]
# ## 3. A transposed convolution multiplies by $C^\top$
#
# $C$ turns 16 numbers into 4 (4×4 → 2×2). Its transpose $C^\top$ is 16×4, so it turns 4 numbers into 16
# (2×2 → 4×4). Multiply section 1's input `small` by $C^\top$ and compare with `conv_transpose2d` called with
# **the same kernel** (`via_torch` from section 1).

# %%
via_matrix = (C.T @ small.flatten()).view(4, 4)
print("Cᵀ:", tuple(C.T.shape))
print("Cᵀ @ small.flatten():\n", via_matrix.long())
claim("Cᵀ @ small.flatten() == conv_transpose2d(small)", torch.equal(via_matrix, via_torch))

# %% [markdown] tags=["lang-ko"]
# 행렬 곱을 열 기준으로 읽으면 이유가 보입니다. $C^\top y = \sum_k y_k \cdot (C\text{의 } k\text{번째 행})$이고,
# $C$의 $k$번째 행은 "$k$번째 창 자리에 놓인 커널"입니다. 곧 입력 값 $y_k$마다 커널에 그 값을 곱한 **사본**을
# $k$번째 자리에 놓고 모두 더합니다. 1절의 흩뿌려 더하기 그대로입니다.

# %% [markdown] tags=["lang-en"]
# Reading the product column by column shows why: $C^\top y = \sum_k y_k \cdot (\text{row } k \text{ of } C)$, and
# row $k$ of $C$ is "the kernel placed on window $k$". So each input value $y_k$ places a **copy** of the kernel
# scaled by $y_k$ at position $k$, and the copies are summed: the scatter-add of section 1.

# %%
copies = [value * row.view(4, 4) for value, row in zip(small.flatten(), C)]
claim("sum(copies) == Cᵀ @ small.flatten()", torch.equal(sum(copies), via_matrix))

# %% [markdown] tags=["lang-ko"]
# ## 4. 역연산이 아니다: "deconvolution"은 잘못된 이름
#
# 원문은 전치 합성곱이 "Deconvolution"이라고도 불리지만 수학적 역연산이 아니며 **크기만 복원**한다고 경고합니다.
# 숫자로 확인해 봅시다. $C^\top$가 $C$의 역이라면 $C^\top C$는 16×16 단위 행렬이어야 합니다.

# %% [markdown] tags=["lang-en"]
# ## 4. Not an inverse: "deconvolution" is a misnomer
#
# The document warns that the transposed convolution, sometimes called "Deconvolution", is not a mathematical
# inverse: it **restores the size only**. Check with numbers: if $C^\top$ undid $C$, then $C^\top C$ would be the
# 16×16 identity.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 가장 흔한 오해가 여기서 풀립니다. "역합성곱"이라는 이름 때문에 전치 합성곱이 합성곱을 되돌린다고 생각하기
# 쉽습니다. 출력된 랭크와 복원 오차를 가리키며, 모양은 돌아오지만 값은 돌아오지 않는다는 점을 강조하세요.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** The most common misconception ends here. The name "deconvolution" suggests that a transposed
# convolution undoes a convolution. Point at the printed rank and reconstruction error: the shape comes back, the
# values do not.

# %%
gram = C.T @ C
x_back = (C.T @ (C @ x.flatten())).view(4, 4)
print("CᵀC:", tuple(gram.shape), "rank:", int(torch.linalg.matrix_rank(gram)))
claim("CᵀC == identity", torch.equal(gram, torch.eye(16)), expected=False)
print("x_back:", tuple(x_back.shape))
claim("x_back.shape == x.shape", x_back.shape == x.shape)
print("‖x_back − x‖ / ‖x‖:", round(float((x_back - x).norm() / x.norm()), 4))

# %% [markdown] tags=["lang-ko"]
# 모양은 4×4로 돌아왔지만 값은 전혀 다릅니다. $C^\top C$의 랭크는 4이므로 16차원 가운데 12차원이 사라졌습니다.
# $C^\top$가 서툴러서가 아닙니다. **어떤 연산으로도** 되돌릴 수 없습니다. $C$가 보지 못하는 방향을 입력에 더하면
# 서로 다른 두 입력이 똑같은 합성곱 출력을 냅니다. 가장 좋은 선형 추정(유사역행렬)도 마찬가지로 실패합니다.

# %% [markdown] tags=["lang-en"]
# The shape is back to 4×4, but not the values. $C^\top C$ has rank 4: 12 of the 16 dimensions are gone. This is
# not a weakness of $C^\top$: **no operation** can undo it. Add to $x$ a direction
# that $C$ cannot see, and two different inputs give exactly the same convolution output. The best linear guess
# (the pseudo-inverse) fails as well.

# %%
unseen = torch.linalg.svd(C).Vh[-1].view(4, 4)  # C @ unseen.flatten() == 0
x_other = x + 10 * unseen
best_guess = (torch.linalg.pinv(C) @ (C @ x.flatten())).view(4, 4)
claim("x != x_other", not close(x, x_other))
claim("conv2d(x) == conv2d(x_other)", close(C @ x.flatten(), C @ x_other.flatten()))
print("‖best_guess − x‖ / ‖x‖:", round(float((best_guess - x).norm() / x.norm()), 4))

# %% [markdown] tags=["lang-ko"]
# 신호 처리에서 deconvolution은 흐려진 사진을 되돌리듯 합성곱을 **거꾸로 푸는** 일입니다. 전치 합성곱은 같은 희소
# 패턴으로 값을 **퍼뜨릴** 뿐이고, 쓸모 있는 업샘플링은 학습으로 찾은 가중치에서 나옵니다. Dumoulin과 Visin(2016)도
# deconvolution은 수학적으로 합성곱의 역연산을 뜻하므로 이 이름을 쓰지 말자고 권합니다. 이 코스도 "역합성곱" 대신
# 전치 합성곱이라고 씁니다.

# %% [markdown] tags=["lang-en"]
# In signal processing, deconvolution means **undoing** a convolution, as when you deblur a photograph. A transposed
# convolution only **spreads** values with the same sparse pattern; a useful upsampling comes from weights found by
# training. Dumoulin and Visin (2016) advise against the name for this reason: a deconvolution is, mathematically,
# the inverse of a convolution. This course says transposed convolution, never deconvolution.

# %% [markdown] tags=["lang-ko"]
# ## 5. 합성곱의 기울기
#
# 선형 사상 $y = Cx$에서 손실 $L$의 입력에 대한 기울기는 $\partial L/\partial x = C^\top\,\partial L/\partial y$입니다.
# 그러니 합성곱의 역전파는 곧 전치 합성곱이어야 합니다. 채널이 여럿이고 스트라이드 2, 패딩 1인 경우를 autograd로
# 확인해 봅시다. 합성곱의 가중치 `weight`를 **그대로** `conv_transpose2d`에 넘깁니다.

# %% [markdown] tags=["lang-en"]
# ## 5. The gradient of a convolution
#
# For a linear map $y = Cx$, the gradient of a loss $L$ with respect to the input is
# $\partial L/\partial x = C^\top\,\partial L/\partial y$. So the backward pass of a convolution must be a
# transposed convolution. Check it with autograd, with several channels, stride 2 and padding 1; the convolution's
# `weight` goes **unchanged** into `conv_transpose2d`.

# %%
weight = torch.randn(4, 3, 3, 3)  # Conv2d(3 → 4): (C_out, C_in, k, k)
x7 = torch.randn(1, 3, 7, 7, requires_grad=True)
y7 = F.conv2d(x7, weight, stride=2, padding=1)
upstream = torch.randn_like(y7)  # ∂L/∂y from the layers above
y7.backward(upstream)
via_transpose = F.conv_transpose2d(upstream, weight, stride=2, padding=1)
C7 = conv_matrix(weight, 7, stride=2, padding=1)
print("x:", tuple(x7.shape), "→ y:", tuple(y7.shape), "C:", tuple(C7.shape))
claim("x.grad == conv_transpose2d(upstream, weight)", close(x7.grad, via_transpose))
claim("x.grad == Cᵀ @ upstream.flatten()", close(x7.grad.flatten(), C7.T @ upstream.flatten()))

# %% [markdown] tags=["lang-ko"]
# 입력이 8×8이면 어떨까요? 이 합성곱은 7×7과 8×8을 모두 4×4로 만들고, 전치 합성곱은 4×4에서 7×7을 돌려줍니다.
# 8×8 입력의 기울기를 얻으려면 아래쪽에 한 행, 오른쪽에 한 열을 더하는 `output_padding=1`이 필요합니다(레슨 03).

# %% [markdown] tags=["lang-en"]
# What about an 8×8 input? This convolution maps both 7×7 and 8×8 to 4×4, and from 4×4 the transposed convolution
# gives back 7×7. The gradient of an 8×8 input needs `output_padding=1`: one extra row at the bottom and one extra
# column at the right (lesson 03).

# %%
x8 = torch.randn(1, 3, 8, 8, requires_grad=True)
y8 = F.conv2d(x8, weight, stride=2, padding=1)
upstream8 = torch.randn_like(y8)
y8.backward(upstream8)
print("x:", tuple(x8.shape), "→ y:", tuple(y8.shape))
print("output_padding=0:", tuple(F.conv_transpose2d(upstream8, weight, stride=2, padding=1).shape))
back8 = F.conv_transpose2d(upstream8, weight, stride=2, padding=1, output_padding=1)
print("output_padding=1:", tuple(back8.shape))
claim("back8 == x.grad", close(x8.grad, back8))

# %% [markdown] tags=["lang-ko"]
# 그래서 라이브러리는 흔히 전치 합성곱을 합성곱의 입력 기울기 계산으로 구현합니다. PyTorch 소스 코드
# (`aten/src/ATen/native/cudnn/ConvShared.cpp`의 `cudnn_convolution_transpose`)를 보면 cuDNN을 쓰는 GPU에서는
# cuDNN의 입력 기울기(backward-data) 합성곱을 부릅니다(이 레슨은 GPU에서 실행하지 않습니다). 거꾸로, 합성곱의 역전파는
# 전치 합성곱의 성질을 그대로 물려받습니다. 스트라이드가 있는 합성곱의 기울기에 체커보드 무늬가 생길 수 있는 것도
# 그 때문입니다(Odena 외 2016, 레슨 04).

# %% [markdown] tags=["lang-en"]
# So libraries often implement a transposed convolution as the input gradient of a convolution. PyTorch's source
# code (`cudnn_convolution_transpose` in `aten/src/ATen/native/cudnn/ConvShared.cpp`) calls cuDNN's backward-data
# (input gradient) convolution on a GPU with cuDNN (this lesson does not run on a GPU). Conversely, the backward pass of a convolution inherits every
# property of the transposed convolution, which is why the gradient of a strided convolution can carry
# checkerboard patterns (Odena et al. 2016, lesson 04).

# %% [markdown] tags=["lang-ko"]
# ## 6. 같은 연산, 세 가지 관점
#
# 흩뿌려 더하기를 계산하는 방법은 여러 가지입니다. 세 관점을 코드로 쓰고 각각 PyTorch와 비교합니다.
# `course_utils.reference`에는 그룹과 팽창까지 다루는 일반형이 있고, 테스트가 확인합니다.
#
# ### 6.1 0 삽입 + 패딩 $K-P-1$ + 뒤집은 커널 ("분수 스트라이드")
#
# Dumoulin과 Visin(2016)의 관점입니다. 입력 값 사이에 $S-1$개의 0을 끼워 넣고, 가장자리마다 $K-P-1$칸의 0
# 패딩을 두르고, 커널을 상하좌우로 뒤집어 **스트라이드 1인 보통 합성곱**을 합니다. 원래 입력의 간격으로 재면
# 커널이 한 번에 $1/S$칸씩 움직이는 셈이라 분수 스트라이드 합성곱(fractionally strided convolution)이라고도
# 부릅니다. 채널은 (C_out, C_in) 순서로 바꿉니다.

# %% [markdown] tags=["lang-en"]
# ## 6. The same operation, three views
#
# Scatter-add can be computed in several ways. We write three views in code and compare each with PyTorch;
# `course_utils.reference` holds general versions with groups and dilation, checked by the tests.
#
# ### 6.1 Zero insertion + padding $K-P-1$ + flipped kernel ("fractionally strided")
#
# This is Dumoulin and Visin's (2016) view. Insert $S-1$ zeros between input values, pad $K-P-1$ zeros on every
# border, flip the kernel top-bottom and left-right, and run an **ordinary stride-1 convolution**. Measured in the
# spacing of the original input, the kernel moves $1/S$ of a cell per step, hence the name fractionally strided
# convolution. The channels swap to (C_out, C_in).

# %%
def zero_insert(x, stride):
    c, h, w = x.shape
    spread = torch.zeros(c, (h - 1) * stride + 1, (w - 1) * stride + 1)
    spread[:, ::stride, ::stride] = x
    return spread


def conv_transpose2d_zeros(x, weight, stride=1, padding=0):
    k = weight.shape[-1]
    spread = F.pad(zero_insert(x, stride), [k - padding - 1] * 4)
    return F.conv2d(spread[None], weight.transpose(0, 1).flip(-2, -1))[0]


print("F.pad(zero_insert(small, 2), [2] * 4):\n", F.pad(zero_insert(small[None], 2), [2] * 4)[0].long())
claim("conv_transpose2d_zeros(small, …) == conv_transpose2d(small, …)", torch.equal(conv_transpose2d_zeros(small[None], kernel[None, None], 2),
                                               F.conv_transpose2d(small[None, None], kernel[None, None], stride=2)[0]))
claim("C_in=3, C_out=2, k=4, s=2, p=1", close(conv_transpose2d_zeros(xs, ws, 2, 1), ours))

# %% [markdown] tags=["lang-ko"]
# 왜 뒤집을까요? 0을 끼워 넣은 격자에서 흩뿌리기는 자리 $p$의 값을 성분 $t$를 거쳐 출력 $p + t$에 보냅니다.
# 곧 출력 $o$는 자리 $o - t$의 값을 받으므로, $t$가 클수록 **왼쪽 위**의 값을 씁니다. 합성곱의 창은 성분 $t$를
# 자리 $o + t$의 값, 곧 **오른쪽 아래**의 값과 곱합니다. 같은 곱을 모으려면 커널을 뒤집어야 합니다. 이 관점은 그림으로 설명하기 좋지만, 위에 출력된 격자처럼 곱셈 대부분이 끼워 넣은 0과의 곱입니다.
#
# ### 6.2 GEMM + col2im(`F.fold`)으로 계산하기
#
# 흩뿌려 더하기를 두 단계로 나눕니다. 입력 $(i, j)$의 사본은 $\sum_c x[c, i, j]\cdot \text{weight}[c]$이므로
# **행렬 곱 하나**(GEMM)로 모든 픽셀의 사본을 한꺼번에 계산합니다. 그다음 `F.fold`(col2im)가 각 사본을 제자리에
# 놓고 겹치는 칸을 더합니다.

# %% [markdown] tags=["lang-en"]
# Why flip? On the zero-inserted grid, scatter-add sends the value at position $p$ through entry $t$ to output
# $p + t$, so output $o$ receives the value at $o - t$: the larger $t$, the further **up and left**. A convolution
# window pairs entry $t$ with the value at $o + t$, further **down and right**. To collect the same products, the
# kernel must be flipped. This view is good for drawing, but as the printed grid shows, most of its
# multiplications hit inserted zeros.
#
# ### 6.2 GEMM + col2im (`F.fold`)
#
# Split scatter-add into two steps. The copy of input $(i, j)$ is $\sum_c x[c, i, j]\cdot \text{weight}[c]$, so
# **one matrix product** (GEMM) gives the copies of all pixels at once. Then `F.fold` (col2im) puts each copy in
# its place and adds the overlapping cells.

# %%
def conv_transpose2d_gemm(x, weight, stride=1, padding=0):
    c_in, h, w = x.shape
    c_out, k = weight.shape[1], weight.shape[2]
    columns = weight.reshape(c_in, c_out * k * k).T @ x.reshape(c_in, h * w)  # column (i, j): the copy of pixel (i, j)
    size = ((h - 1) * stride - 2 * padding + k, (w - 1) * stride - 2 * padding + k)
    return F.fold(columns[None], size, kernel_size=k, stride=stride, padding=padding)[0]


print("columns.shape:", (ws.shape[1] * 4 * 4, 5 * 5), "= (C_out·k·k, H·W)")
claim("C_in=3, C_out=2, k=4, s=2, p=1", close(conv_transpose2d_gemm(xs, ws, 2, 1), ours))

# %% [markdown] tags=["lang-ko"]
# `F.fold`는 `F.unfold`(im2col)의 짝입니다. unfold가 겹치는 창을 열로 **복사해 내면**, fold는 열을 제자리에
# **더해 넣습니다**. 그래서 fold가 곧 흩뿌려 더하기이고, 모든 값이 1인 열을 fold하면 1절의 겹침 수가 나옵니다.

# %% [markdown] tags=["lang-en"]
# `F.fold` is the partner of `F.unfold` (im2col). Unfold **copies** overlapping windows out into columns; fold
# **adds** columns back into place. So fold is scatter-add itself, and folding columns of ones gives the overlap
# counts of section 1.

# %%
ones = torch.ones(1, 9, 4)  # 4 copies of a 3×3 kernel of ones
claim("fold(ones) == counts", torch.equal(F.fold(ones, (4, 4), kernel_size=3)[0, 0], counts.double()))

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ### 6.3 심화: 스트라이드 $S$ = 작은 합성곱 $S^2$개를 엇갈려 놓기 (서브픽셀 위상)
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# 스트라이드가 2이면 출력의 짝수 행에 닿는 커널 성분과 홀수 행에 닿는 성분이 따로 정해져 있습니다. 커널이 4이면
# 입력 $i$의 사본에서 성분 $t$는 (잘라내기 전 캔버스의) 출력 $2i + t$에 닿으므로, 짝수 행에는 $t = 0, 2$만, 홀수
# 행에는 $t = 1, 3$만 닿습니다. 그래서 출력을 (행의 홀짝) × (열의 홀짝) 네 **위상**으로 나누면, 위상마다 2×2
# 부분 커널로 하는 **0 없는 스트라이드 1 합성곱**이 됩니다. 네 결과를 엇갈려 끼우면 전체 출력입니다(Shi 외 2016b).
# 레슨 05의 픽셀 셔플이 바로 이 엇갈려 끼우기입니다.
#
# 코드의 `transpose(0, 1).flip(-2, -1)`은 6.1절에서 왔습니다. 한 위상 안에서는 이웃한 입력의 사본이 한 칸씩
# 어긋나 놓이므로, 위상 하나는 부분 커널로 하는 **스트라이드 1 전치 합성곱**입니다. 6.1절의 관점에 $S = 1$,
# $P = 0$을 넣으면 끼워 넣을 0은 없고, 남는 것은 $K'-1$칸 패딩(부분 커널 크기가 $K'$일 때, 곱을 하나도 버리지
# 않는 "full" 패딩)과 채널 순서를 바꾸고 상하좌우로 뒤집은 커널의 보통 합성곱입니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ### 6.3 Deep dive: Stride $S$ = $S^2$ small convolutions, interleaved (sub-pixel phases)
# You can skip it; nothing later depends on it.
#
# With stride 2, the kernel entries that reach the even output rows are fixed, and so are those that reach the odd
# rows. With kernel 4, entry $t$ of the copy of input $i$ lands on output $2i + t$ (on the canvas, before
# cropping), so even rows see only $t = 0, 2$ and odd rows only $t = 1, 3$. Split the output into four **phases**,
# (row parity) × (column parity), and each phase is a **stride-1 convolution without zeros** with a 2×2 sub-kernel.
# Interleave the four results and you have the whole output (Shi et al. 2016b). The pixel shuffle of lesson 05 is
# exactly this interleaving.
#
# The code's `transpose(0, 1).flip(-2, -1)` comes from section 6.1. Within one phase, the copies of neighbouring
# inputs land one cell apart, so a phase is a **stride-1 transposed convolution** with the sub-kernel. Put $S = 1$
# and $P = 0$ into the view of 6.1: there are no zeros to insert, and what remains is padding $K'-1$ (for a
# sub-kernel of size $K'$: the "full" padding that keeps every product) and an ordinary convolution with the
# channels swapped and the kernel flipped.

# %% tags=["deep-dive"]
def conv_transpose2d_phases(x, weight, stride, padding=0):
    c_in, h, w = x.shape
    c_out, k = weight.shape[1], weight.shape[2]
    canvas = torch.zeros(c_out, (h - 1) * stride + k, (w - 1) * stride + k)
    for ry in range(stride):
        for rx in range(stride):
            sub = weight[:, :, ry::stride, rx::stride]  # the entries that land on rows ≡ ry, cols ≡ rx (mod S)
            full = (sub.shape[-2] - 1, sub.shape[-1] - 1)  # "full" padding: every product of the copy is kept
            phase = F.conv2d(x[None], sub.transpose(0, 1).flip(-2, -1), padding=full)[0]  # stride 1, no zeros
            canvas[:, ry::stride, rx::stride] = phase
    return canvas[:, padding:canvas.shape[1] - padding, padding:canvas.shape[2] - padding]


print("ws[:, :, ry::2, rx::2].shape[-2:]:", [tuple(ws[:, :, ry::2, rx::2].shape[-2:]) for ry in range(2) for rx in range(2)])
claim("C_in=3, C_out=2, k=4, s=2, p=1", close(conv_transpose2d_phases(xs, ws, 2, 1), ours))

# %% [markdown] tags=["lang-ko", "deep-dive"]
# 2×2 부분 커널 네 개는 4×4 커널의 성분 16개를 정확히 한 번씩 나눠 가집니다. 커널 크기가 스트라이드의 배수이면
# 위상마다 부분 커널 크기가 같고, 그렇지 않으면(예: $K = 3, S = 2$) 위상마다 크기가 달라집니다. 위상마다 더하는
# 곱의 수가 다른 이 불균형(불균일한 겹침)은 레슨 04에서 볼 체커보드 아티팩트의 한 원인입니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# The four 2×2 sub-kernels share the 16 entries of the 4×4 kernel, each entry exactly once. When the kernel size
# is a multiple of the stride every phase gets a sub-kernel of the same size; otherwise (e.g. $K = 3, S = 2$) the
# phases get different sizes. This imbalance, a different number of products per phase (uneven overlap), is one
# cause of the checkerboard artifacts of lesson 04.

# %% [markdown] tags=["lang-ko"]
# ## 7. 채널과 편향
#
# `nn.ConvTranspose2d(256, 128, …)`의 가중치 모양은 (256, 128, 4, 4), 곧 **(C_in, C_out, K, K)** 순서로,
# `nn.Conv2d`의 (C_out, C_in, K, K)와 채널 순서가 반대입니다. 이유는 5절에 있습니다. 256 → 128 전치 합성곱은
# 128 → 256 합성곱의 전치이므로 **가중치 텐서 하나를 두 층이 함께 씁니다**.

# %% [markdown] tags=["lang-en"]
# ## 7. Channels and bias
#
# The weight of `nn.ConvTranspose2d(256, 128, …)` has shape (256, 128, 4, 4), that is **(C_in, C_out, K, K)**:
# the reverse of `nn.Conv2d`'s (C_out, C_in, K, K). Section 5 gives the reason: the 256 → 128 transposed
# convolution is the transpose of a 128 → 256 convolution, so **one weight tensor serves both layers**.

# %%
up = nn.ConvTranspose2d(256, 128, kernel_size=4, stride=2, padding=1)
down = nn.Conv2d(128, 256, kernel_size=4, stride=2, padding=1)
print("ConvTranspose2d(256 → 128).weight:", tuple(up.weight.shape))
print("Conv2d(128 → 256).weight:         ", tuple(down.weight.shape))
print("ConvTranspose2d Σ numel:", f"{sum(p.numel() for p in up.parameters()):,}")

# %% [markdown] tags=["lang-ko"]
# 파라미터 524,416개는 원문의 "방법 1" 숫자와 같습니다(가중치 256·128·4·4 + 편향 128). 흩뿌리기로 읽으면
# `weight[c]`는 **입력 채널 c가 찍는 도장**입니다. 채널 c의 한 픽셀은 (C_out, K, K) 모양의 `weight[c]`에 자기
# 값을 곱해 모든 출력 채널에 한꺼번에 더합니다. 채널 5의 픽셀 $(3, 3)$만 1인 입력으로 확인해 봅시다. 이 픽셀의
# 사본은 출력 $(3\cdot 2 - 1,\; 3\cdot 2 - 1) = (5, 5)$에서 시작합니다(패딩 1이 한 칸을 잘라 냈으므로 $-1$).

# %% [markdown] tags=["lang-en"]
# The 524,416 parameters match the document's "method 1" count (weights 256·128·4·4 + 128 biases). Read as
# scatter-add, `weight[c]` is **the stamp of input channel c**: a pixel of channel c adds `weight[c]`, of shape
# (C_out, K, K), times its value to all output channels at once. Check it with an input that is 1 only at pixel
# $(3, 3)$ of channel 5, whose copy starts at output $(3\cdot 2 - 1,\; 3\cdot 2 - 1) = (5, 5)$ (padding 1 cut one
# cell).

# %%
probe = torch.zeros(1, 256, 14, 14)
probe[0, 5, 3, 3] = 1.0
response = F.conv_transpose2d(probe, up.weight, stride=2, padding=1)[0]
print("response:", tuple(response.shape))
claim("response[:, 5:9, 5:9] == weight[5]", close(response[:, 5:9, 5:9], up.weight[5]))
claim("(response != 0).sum() − (response[:, 5:9, 5:9] != 0).sum()", int((response != 0).sum()) - int((response[:, 5:9, 5:9] != 0).sum()), expected=0)

# %% [markdown] tags=["lang-ko"]
# 편향은 모든 사본을 더한 뒤 **출력 픽셀마다 한 번** 더합니다. 사본이 네 개 겹친 칸에도 편향은 한 번뿐이고,
# 어떤 사본도 닿지 않는 칸에는 편향만 남습니다. 입력이 0이면 출력은 편향 그대로입니다.
# `groups`를 쓰면 가중치는 (C_in, C_out / groups, K, K)가 되고, 입력 채널은 자기 그룹의 출력 채널에만 찍습니다.

# %% [markdown] tags=["lang-en"]
# The bias is added **once per output pixel**, after all copies are summed: a cell where four copies overlap still
# gets one bias, and a cell that no copy reaches holds the bias alone. A zero input gives the bias everywhere. With `groups`, the weight becomes (C_in, C_out / groups, K, K), and an input channel stamps
# only the output channels of its own group.

# %%
with torch.no_grad():
    features = torch.randn(1, 256, 14, 14)
    bias_map = up.bias.view(1, -1, 1, 1).expand(1, 128, 28, 28)
    claim("up(0) == bias_map", close(up(torch.zeros(1, 256, 14, 14)), bias_map))
    claim("up(x) − conv_transpose2d(x, up.weight) == bias_map",
          close(up(features) - F.conv_transpose2d(features, up.weight, stride=2, padding=1), bias_map))
    grouped = nn.ConvTranspose2d(256, 128, kernel_size=4, stride=2, padding=1, groups=4)
    print("groups=4, grouped.weight:", tuple(grouped.weight.shape))

# %% [markdown] tags=["lang-ko", "deep-dive"]
# ## 8. 심화: 어느 방식이 빠른가, 그리고 왜
# 건너뛰어도 이후 내용을 따라가는 데 지장이 없습니다.
#
# 모든 관점은 같은 값을 내지만 하는 일의 양은 다릅니다. 원문의 설정 (1, 256, 14, 14) → 128채널, 커널 4,
# 스트라이드 2, 패딩 1에서 `FlopCounterMode`로 각 방식의 곱셈-덧셈 수를 세어 봅니다. 이 도구는 실행하면서 연산을
# 세지 않고, 호출된 연산(합성곱, 행렬 곱 등)마다 텐서 모양에서 공식으로 FLOP 수를 계산합니다. 전치 합성곱에는
# $C_{in}\cdot C_{out}\cdot K^2\cdot H\cdot W$ 공식을 씁니다. 그러니 아래 PyTorch 행의 ×1.00은 측정 결과가 아니라,
# 이 공식을 꼭 필요한 곱의 수로 삼았기 때문에 정의상 성립합니다. 다른 행은 그 방식이 부르는 연산들의 공식 값을
# 더한 것입니다.

# %% [markdown] tags=["lang-en", "deep-dive"]
# ## 8. Deep dive: Which formulation is fast, and why
# You can skip it; nothing later depends on it.
#
# All views give the same values, but not the same amount of work. On the document's setting, (1, 256, 14, 14) →
# 128 channels, kernel 4, stride 2, padding 1, we count multiply-adds with `FlopCounterMode`. This tool counts
# nothing as it runs: for every operation called (convolution, matrix product, …) it computes the FLOPs from the
# tensor shapes by a formula, for a transposed convolution $C_{in}\cdot C_{out}\cdot K^2\cdot H\cdot W$. So the
# ×1.00 of the PyTorch row below is not a measurement: it holds by definition, since that formula is our
# reference for the necessary products. The other rows add up the formulas of the operations each view calls.

# %% tags=["deep-dive"]
def multiply_adds(fn, *args):
    with FlopCounterMode(display=False) as counter:
        fn(*args)
    return counter.get_total_flops() // 2


with torch.no_grad():
    x1, w1 = features[0], up.weight
    work = {
        "PyTorch conv_transpose2d": multiply_adds(lambda: F.conv_transpose2d(x1[None], w1, stride=2, padding=1)),
        "conv_transpose2d_zeros": multiply_adds(conv_transpose2d_zeros, x1, w1, 2, 1),
        "conv_transpose2d_gemm": multiply_adds(conv_transpose2d_gemm, x1, w1, 2, 1),
        "conv_transpose2d_phases": multiply_adds(conv_transpose2d_phases, x1, w1, 2, 1),
    }
useful = 256 * 128 * 4 * 4 * 14 * 14
print("useful = 256·128·4·4·14·14:", f"{useful:,}")
for name, count in work.items():
    print(f"{name:26} {count:>12,}  ×{count / useful:.2f}")

# %% [markdown] tags=["lang-ko", "deep-dive"]
# - **0 삽입**은 꼭 필요한 양의 4배를 계산합니다. 출력이 입력의 $S^2 = 4$배 넓은데 출력 칸마다 커널 전체를 곱하니,
#   곱의 3/4이 끼워 넣은 0과의 곱입니다.
# - **GEMM + fold**는 꼭 필요한 곱만 하고, 그것도 BLAS가 가장 잘하는 큰 행렬 곱 하나로 합니다. 남는 일은 fold가
#   겹치는 칸을 더하는 메모리 작업뿐입니다. PyTorch 소스 코드(`aten/src/ATen/native/NaiveConvolutionTranspose2d.cpp`)를
#   보면 oneDNN을 쓰지 않을 때 CPU에서 쓰는 구현(`slow_conv_transpose2d`)이 바로 GEMM + col2im입니다.
# - **위상 분해**는 잘라 낼 가장자리까지 계산해 조금(×1.15) 더 하지만 겹침 더하기가 없습니다.
#   `course_utils.reference.conv_transpose2d`는 GEMM + col2im을 기본으로 하고, 그룹이 1, 팽창이 1이며 커널이
#   스트라이드의 배수이고 입력 위치 수(N·H·W)가 입력 채널 수의 32배 이상일 때는 위상 분해를 GEMM 하나로 계산합니다.
#   가중치를 위상별로 재배치하는 고정 비용은 위치가 많아야 상쇄되기 때문입니다.
# - **반복문**은 곱의 수는 같지만, 파이썬이 픽셀과 입력 채널마다 작은 연산을 하나씩 부르느라 느립니다.
#
# 아래 셀은 작은 설정에서 반복문, 0 삽입, GEMM + fold, `course_utils.reference`, PyTorch의 시간을 잽니다. 시간은
# 컴퓨터마다 다르므로 nbval이 이 셀의 출력은 비교하지 않습니다. 큰 설정에서 PyTorch와 나란히 재려면
# `python benchmarks/bench_reference.py`를 실행하세요.

# %% [markdown] tags=["lang-en", "deep-dive"]
# - **Zero insertion** does 4 times the necessary work. The output is $S^2 = 4$ times larger than the input and
#   every output cell multiplies the whole kernel, so 3/4 of its products multiply an inserted zero.
# - **GEMM + fold** does only the necessary products, in one large matrix product, which is what BLAS does best.
#   What remains is fold adding overlapping cells, a memory-bound pass. PyTorch's source code
#   (`aten/src/ATen/native/NaiveConvolutionTranspose2d.cpp`) shows that its CPU implementation without oneDNN
#   (`slow_conv_transpose2d`) is exactly GEMM + col2im.
# - **Phases** do a little more (×1.15) because they compute the border that will be cut, but no overlap-add.
#   `course_utils.reference.conv_transpose2d` uses GEMM + col2im by default, and computes the phases with one GEMM
#   when groups is 1, the dilation is 1, the kernel is a multiple of the stride and there are at least 32 input
#   positions (N·H·W) per input channel: only then does the fixed cost of rearranging the weight by phase pay off.
# - **Loops** do the same number of products, but Python issues one small operation per pixel and input channel,
#   which is slow.
#
# The next cell times loops, zero insertion, GEMM + fold, `course_utils.reference` and PyTorch on a small setting.
# Timings differ from machine to machine, so nbval does not compare this cell's output. To time large settings
# side by side with PyTorch, run `python benchmarks/bench_reference.py`.

# %% tags=["deep-dive"]
# NBVAL_IGNORE_OUTPUT
# reason: wall-clock timings vary between machines and runs
xt, wt = torch.randn(32, 14, 14), torch.randn(32, 16, 4, 4)
candidates = {
    "conv_transpose2d_loops": lambda: conv_transpose2d_loops(xt, wt, 2, 1),
    "conv_transpose2d_zeros": lambda: conv_transpose2d_zeros(xt, wt, 2, 1),
    "conv_transpose2d_gemm": lambda: conv_transpose2d_gemm(xt, wt, 2, 1),
    "course_utils.reference": lambda: conv_transpose2d(xt[None], wt, stride=2, padding=1),
    "PyTorch": lambda: F.conv_transpose2d(xt[None], wt, stride=2, padding=1),
}
for name, fn in candidates.items():
    median = Timer("fn()", globals={"fn": fn}).blocked_autorange(min_run_time=0.2).median
    print(f"{name:24} {median * 1e3:8.3f} ms")

# %% [markdown] tags=["lang-ko"]
# ## 정리
#
# - 전치 합성곱의 계산은 흩뿌려 더하기입니다. 입력 $(i, j)$의 사본은 출력 $(i\cdot S - P,\; j\cdot S - P)$에서
#   시작하고, 겹치는 칸은 더합니다.
# - 합성곱은 희소 행렬 $C$를 곱하는 것이고, 전치 합성곱은 같은 가중치로 $C^\top$를 곱하는 것입니다.
# - $C^\top$는 역행렬이 아닙니다. 크기만 되돌릴 뿐 값은 되돌리지 못하며, 합성곱이 버린 정보는 어떤 연산으로도
#   되살릴 수 없습니다. 그래서 "deconvolution"은 잘못된 이름입니다.
# - 전치 합성곱은 합성곱의 입력에 대한 기울기입니다. 크기가 모호할 때는 `output_padding`이 필요합니다(레슨 03).
# - 0 삽입 + 뒤집은 커널, GEMM + col2im, 서브픽셀 위상은 모두 같은 값을 냅니다.
# - 가중치는 (C_in, C_out, K, K)이고, 편향은 출력 픽셀마다 한 번 더합니다.
#
# **참고 문헌**
#
# - **Dumoulin과 Visin 2016**: V. Dumoulin, F. Visin, *A guide to convolution arithmetic for deep learning*,
#   arXiv:1603.07285, 2016, <https://arxiv.org/abs/1603.07285>.
# - **Shi 외 2016b**: W. Shi, J. Caballero, L. Theis, F. Huszár, A. Aitken, C. Ledig, Z. Wang, *Is the deconvolution
#   layer the same as a convolutional layer?*, arXiv:1609.07009, 2016, <https://arxiv.org/abs/1609.07009>.
# - **Odena 외 2016**: A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill, 2016,
#   <https://distill.pub/2016/deconv-checkerboard/>.
# - PyTorch 문서: [`torch.nn.ConvTranspose2d`](https://pytorch.org/docs/stable/generated/torch.nn.ConvTranspose2d.html),
#   [`torch.nn.functional.conv_transpose2d`](https://pytorch.org/docs/stable/generated/torch.nn.functional.conv_transpose2d.html),
#   [`torch.nn.Fold`](https://pytorch.org/docs/stable/generated/torch.nn.Fold.html)

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# - The computation is scatter-add: the copy of input $(i, j)$ starts at output $(i\cdot S - P,\; j\cdot S - P)$,
#   and overlapping cells are summed.
# - A convolution multiplies by a sparse matrix $C$; a transposed convolution multiplies by $C^\top$, with the same
#   weights.
# - $C^\top$ is not an inverse. It restores the size, not the values, and no operation can recover what the
#   convolution discarded. That is why "deconvolution" is a misnomer.
# - A transposed convolution is the gradient of a convolution with respect to its input. When the size is
#   ambiguous, `output_padding` is needed (lesson 03).
# - Zero insertion + flipped kernel, GEMM + col2im and sub-pixel phases all give the same values.
# - The weight is (C_in, C_out, K, K), and the bias is added once per output pixel.
#
# **References**
#
# - **Dumoulin and Visin 2016**: V. Dumoulin, F. Visin, *A guide to convolution arithmetic for deep learning*,
#   arXiv:1603.07285, 2016, <https://arxiv.org/abs/1603.07285>.
# - **Shi et al. 2016b**: W. Shi, J. Caballero, L. Theis, F. Huszár, A. Aitken, C. Ledig, Z. Wang, *Is the
#   deconvolution layer the same as a convolutional layer?*, arXiv:1609.07009, 2016,
#   <https://arxiv.org/abs/1609.07009>.
# - **Odena et al. 2016**: A. Odena, V. Dumoulin, C. Olah, *Deconvolution and Checkerboard Artifacts*, Distill,
#   2016, <https://distill.pub/2016/deconv-checkerboard/>.
# - PyTorch documentation: [`torch.nn.ConvTranspose2d`](https://pytorch.org/docs/stable/generated/torch.nn.ConvTranspose2d.html),
#   [`torch.nn.functional.conv_transpose2d`](https://pytorch.org/docs/stable/generated/torch.nn.functional.conv_transpose2d.html),
#   [`torch.nn.Fold`](https://pytorch.org/docs/stable/generated/torch.nn.Fold.html)

# %% [markdown] tags=["lang-ko", "self-check"]
# ## 스스로 점검하기
#
# 1. 2×2 입력 `[[1, 2], [3, 4]]`를 성분이 모두 1인 3×3 커널로 흩뿌려 더하면(스트라이드 1, 패딩 0), 4×4 출력의 왼쪽 위 칸과 칸 (1, 1)에는 각각 얼마가 모이나요? (→ 1절)
# 2. 4×4 입력에 3×3 커널을 쓰는 합성곱의 행렬 $C$는 몇 행 몇 열인가요? $C^\top$를 곱하면 크기는 돌아오는데 값은 왜 돌아오지 않나요? (→ 2, 3, 4절)
# 3. `Conv2d(128, 256, 4, stride=2, padding=1)`의 가중치를 `conv_transpose2d`에 그대로 넘기면 무엇이 계산되고, 그 가중치가 `ConvTranspose2d(256, 128, 4)`에 맞는 까닭은 무엇인가요? (→ 5, 7절)
# 4. 커널 3, 스트라이드 2, 패딩 0인 전치 합성곱을 보통 합성곱으로 계산하려면 입력 값 사이에 0을 몇 개 넣고, 가장자리마다 몇 칸을 패딩하며, 커널은 어떻게 바꾸나요? (→ 6절)

# %% [markdown] tags=["lang-en", "self-check"]
# ## Self-check
#
# 1. Scatter-add the 2×2 input `[[1, 2], [3, 4]]` with a 3×3 kernel of ones (stride 1, padding 0). What do the top-left cell and cell (1, 1) of the 4×4 output collect? (→ section 1)
# 2. What shape is the matrix $C$ of a 3×3 convolution on a 4×4 input? Why does multiplying by $C^\top$ restore the size but not the values? (→ sections 2, 3, 4)
# 3. Passed unchanged to `conv_transpose2d`, what does the weight of `Conv2d(128, 256, 4, stride=2, padding=1)` compute, and why does it fit `ConvTranspose2d(256, 128, 4)`? (→ sections 5, 7)
# 4. To compute a transposed convolution (kernel 3, stride 2, padding 0) as an ordinary convolution, how many zeros go between input values, how much padding on each border, and what happens to the kernel? (→ section 6)

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제
#
# `...`를 답으로 바꾸고 셀을 실행하면 바로 채점됩니다. 문제마다 아래에 접힌 풀이 셀이 있습니다.
#
# **1.** 원문의 2×2 입력과 3×3 커널을 스트라이드 **2**, 패딩 0으로 흩뿌려 더하면, 출력 칸 가운데 곱이 두 개 이상
# 모이는 칸은 몇 개일까요? (위의 스테퍼로 확인해 보세요.)

# %% [markdown] tags=["lang-en"]
# ## Exercises
#
# Replace `...` with your answer and run the cell; it is checked at once. Each exercise is followed by a collapsed
# solution cell.
#
# **1.** Scatter-add the document's 2×2 input with a 3×3 kernel at stride **2** and padding 0. How many output
# cells collect two or more products? (The stepper above can help.)

# %%
answer = ...
check("02.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
overlap = F.conv_transpose2d(torch.ones(1, 1, 2, 2), torch.ones(1, 1, 3, 3), stride=2)[0, 0]
solution = int((overlap > 1).sum())
verify("02.1", solution)

# %% [markdown] tags=["lang-ko"]
# **2.** 3×3 커널을 5×5 입력에 스트라이드 1, 패딩 0으로 적용하는 합성곱의 행렬을 $C$라 할 때, $C^\top C$의 랭크는
# 얼마일까요?

# %% [markdown] tags=["lang-en"]
# **2.** Let $C$ be the matrix of a 3×3 convolution on a 5×5 input (stride 1, padding 0). What is the rank of
# $C^\top C$?

# %%
answer = ...
check("02.2", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
C5 = conv_matrix(torch.randn(3, 3), 5)
solution = int(torch.linalg.matrix_rank(C5.T @ C5))
verify("02.2", solution)

# %% [markdown] tags=["lang-ko"]
# **3. (워밍업)** `nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1)`의 학습 가능한 파라미터는 몇 개일까요?

# %% [markdown] tags=["lang-en"]
# **3. (warm-up)** How many learnable parameters does `nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1)` have?

# %%
answer = ...
check("02.3", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = sum(p.numel() for p in nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1).parameters())
verify("02.3", solution)

# %% [markdown] tags=["lang-ko"]
# **4.** 8×8 입력을 `F.conv2d(x, w, stride=2, padding=1)`(커널 3)에 통과시켰습니다. 같은 `w`, 같은 스트라이드와
# 패딩으로 `F.conv_transpose2d`를 불러 입력의 기울기(8×8)를 얻으려면 `output_padding`이 얼마여야 할까요?

# %% [markdown] tags=["lang-en"]
# **4.** An 8×8 input went through `F.conv2d(x, w, stride=2, padding=1)` (kernel 3). Calling `F.conv_transpose2d`
# with the same `w`, stride and padding, which `output_padding` gives the 8×8 input gradient?

# %%
answer = ...
check("02.4", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
grad_out = torch.ones(1, 1, 4, 4)
solution = next(a for a in range(2)
                if F.conv_transpose2d(grad_out, torch.ones(1, 1, 3, 3), stride=2, padding=1, output_padding=a).shape[-1] == 8)
verify("02.4", solution)

# %% [markdown] tags=["lang-ko"]
# **5. (코딩)** 전치 합성곱을 **0 삽입 + 보통 합성곱**으로 직접 만들어 봅시다. `transposed_conv2d(x, weight, stride)`는
# `F.conv_transpose2d(x, weight, stride=stride)`(패딩 0)와 같은 값을 돌려주어야 합니다. `x`는 `(N, C_in, H, W)`,
# `weight`는 `ConvTranspose2d`의 배치인 `(C_in, C_out, K, K)`입니다. `F.conv_transpose2d`는 쓰지 말고 `F.conv2d`를
# 쓰세요.
#
# `...`를 함수 본문으로 바꾸고 실행하면 작은 사례부터 채점해 처음 틀린 사례를 보여 줍니다. 막히면
# `hint("02.5", LANG, step=1)`부터 차례로 실행하세요(step=2는 핵심 아이디어, step=3은 풀이).

# %% [markdown] tags=["lang-en"]
# **5. (coding)** Build a transposed convolution from **zero insertion + an ordinary convolution**.
# `transposed_conv2d(x, weight, stride)` must return the same values as `F.conv_transpose2d(x, weight, stride=stride)`
# (padding 0). `x` is `(N, C_in, H, W)`; `weight` has the `ConvTranspose2d` layout `(C_in, C_out, K, K)`. Use
# `F.conv2d`, not `F.conv_transpose2d`.
#
# Replace `...` with the function body and run the cell: it is checked from the smallest case up, and the first
# failing case is shown. Stuck? Run `hint("02.5", LANG, step=1)`, then steps 2 (the idea) and 3 (the solution).

# %%
def transposed_conv2d(x, weight, stride):
    ...


check_code("02.5", transposed_conv2d, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
def solution(x, weight, stride):
    n, c, h, w = x.shape
    k = weight.shape[-1]
    z = x.new_zeros(n, c, (h - 1) * stride + 1, (w - 1) * stride + 1)
    z[..., ::stride, ::stride] = x
    return F.conv2d(F.pad(z, [k - 1] * 4), weight.transpose(0, 1).flip(-2, -1))


verify_code("02.5", solution)

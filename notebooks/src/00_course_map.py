# %% [markdown] tags=["lang-ko"]
# # 00. 코스 안내: 전치 합성곱
#
# 이 코스는 특징 맵의 공간 해상도를 키우는 **학습 가능한 업샘플링**, 전치 합성곱(transposed convolution)을
# PyTorch 코드로 처음부터 끝까지 다룹니다. 노트북에 찍힌 크기와 파라미터 수는 모두 코드가 계산한 값이고,
# CI가 매번 노트북을 다시 실행해 같은 값이 나오는지 확인합니다.
#
# **코스를 마치면 할 수 있는 것**
#
# - 전치 합성곱이 합성곱 행렬의 전치이자 합성곱의 입력에 대한 기울기라는 사실을 코드로 확인하고 설명할 수
#   있습니다.
# - 입력·커널·스트라이드·패딩·출력 패딩·팽창으로 출력 크기를 계산하고, `output_padding`이 왜 필요한지 설명할 수
#   있습니다.
# - 체커보드 아티팩트가 생기는 원인을 설명하고, 세 가지 해결책(업샘플링 + 합성곱, 픽셀 셔플,
#   커널 크기 = 스트라이드)을 측정해 비교한 뒤 고를 수 있습니다.
# - U-Net 디코더와 DCGAN 생성자의 업샘플링 층을 설계하고 크기를 맞출 수 있습니다.

# %% [markdown] tags=["lang-en"]
# # 00. Course map: transposed convolution
#
# This course covers the transposed convolution, the **learnable upsampler** that grows the spatial
# resolution of feature maps, end to end in PyTorch code. Every size and parameter count in these notebooks
# is computed by code, and CI re-runs every notebook to check that the same values come out.
#
# **What you will be able to do**
#
# - Show in code, and explain, that a transposed convolution is the transpose of the convolution matrix and
#   the gradient of a convolution with respect to its input.
# - Compute the output size from input, kernel, stride, padding, output padding and dilation, and say why
#   `output_padding` exists.
# - Explain where checkerboard artifacts come from, and choose among the three fixes (upsample + convolution,
#   pixel shuffle, kernel size = stride) by measuring them.
# - Design and size the upsampling layers of a U-Net decoder and a DCGAN generator.

# %% [markdown] tags=["lang-ko"]
# ## 노트북 사용법
#
# - 위에서 아래로 셀을 하나씩 실행합니다(`Shift+Enter`). 처음부터 다시 하려면 메뉴에서 *Kernel → Restart Kernel
#   and Run All Cells*를 고릅니다. 실행 시간은 컴퓨터마다 다르며, 저장소 루트에서
#   `python benchmarks/lesson_resources.py`를 실행하면 레슨마다 걸리는 시간과 가장 느린 셀을 직접 잴 수 있습니다.
# - 바로 아래 `LANG` 셀은 그림과 안내 문구의 언어를 정합니다. 한국어 노트북은 `"ko"`, 영어 노트북은 `"en"`입니다.
# - 위젯(슬라이더, 버튼)이 있는 레슨은 같은 결과를 글로도 출력하므로, 슬라이드나 HTML 페이지처럼 위젯이
#   동작하지 않는 곳에서도 내용을 볼 수 있습니다.
# - 연습 문제에서는 `answer = ...`의 `...`를 답으로 바꾸고 셀을 실행하면 `check`가 바로 채점합니다. 문제 셀 바로
#   아래의 접힌 셀에 풀이가 있습니다. 풀이 셀도 빌드할 때 실행되므로, 모든 풀이는 채점을 통과한 것입니다.
#   답이 틀리면 처음에는 방향만 알려 주는 질문이, 다시 틀리면 핵심 아이디어가 나옵니다. 풀이는 그다음에 여세요.
# - 레슨은 **이 레슨을 마치면** 할 수 있게 될 일로 시작하고, 정리 뒤의 **스스로 점검하기**에서 그 일을 질문으로
#   확인합니다. 답하기 어려운 질문은 괄호 안의 절을 다시 읽으세요.
# - 제목이 ‘심화:’로 시작하는 절은 더 알고 싶은 학습자를 위한 것입니다. 처음에는 건너뛰어도 이후 내용을 따라갈
#   수 있고, 건너뛰고 실행해도 나머지 셀은 그대로 실행됩니다.
# - 이 노트북은 `notebooks/src`의 소스에서 만들어집니다. 내용을 고치려면 소스를 고치세요(README의
#   '레슨 작성하기' 참고).

# %% [markdown] tags=["lang-en"]
# ## How to use the notebooks
#
# - Run the cells from top to bottom (`Shift+Enter`). To start over, choose *Kernel → Restart Kernel and Run
#   All Cells*. Run times vary from computer to computer; `python benchmarks/lesson_resources.py`, run from the
#   repository root, measures each lesson's time and its slowest cell on yours.
# - The `LANG` cell just below sets the language of figures and messages: `"ko"` in the Korean notebooks,
#   `"en"` in the English ones.
# - Lessons with widgets (sliders, buttons) also print the same result as text, so it shows where widgets
#   do not run, such as slides and HTML pages.
# - In an exercise, replace the `...` in `answer = ...` with your answer and run the cell: `check` marks it
#   at once. The collapsed cell just below the exercise cell holds a solution; the build runs it too, so every
#   solution has passed its own check. A first wrong answer gets a question that points the way, a second one
#   the key idea; open the solution after that.
# - Each lesson starts with what **after this lesson you can** do, and its **self-check** after the summary asks
#   about exactly that. If a question is hard to answer, reread the section named in brackets.
# - Sections whose heading starts with **Deep dive:** are for the curious. You can skip them the first time and
#   still follow the rest, and the remaining cells still run when you skip them.
# - These notebooks are generated from sources in `notebooks/src`. To change one, edit its source (see
#   "Authoring" in the README).

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 첫 시간에는 모두가 JupyterLab에서 이 노트북을 열고 **Run All**을 한 번 실행했는지
# 확인하세요. 위젯은 커널이 실행 중일 때만 움직이고, 슬라이드와 HTML에서는 위젯 바로 아래에 출력된 결과가 그 자리를
# 대신합니다. 합성곱 복습에 나오는 크기 공식의 내림을 여기서 짚어 두면 레슨 03에서 `output_padding`을 설명하기가
# 쉬워집니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** In the first session, check that everyone has opened this notebook in JupyterLab and used
# **Run All** once. Widgets move only while the kernel runs; on slides and in HTML, the result printed just below
# each widget stands in for it. Point out the floor in the convolution refresher's size formula now: it makes
# `output_padding` in lesson 03 easy to explain.

# %% tags=["lang-ko", "parameters"]
LANG = "ko"

# %% tags=["lang-en", "parameters"]
LANG = "en"

# %%
import torch
from IPython.display import Markdown
from torch import nn

from course_utils import bibliography, glossary, lessons
from course_utils.exercises import check, verify
from course_utils.notebook import setup

torch.set_grad_enabled(False)
setup(LANG)

# %% [markdown] tags=["lang-ko"]
# ## 선수 지식과 합성곱 복습
#
# 파이썬과 PyTorch의 기초(텐서의 `shape`, `nn.Module`), 그리고 2-D 합성곱(`nn.Conv2d`)을 안다고 가정합니다.
# 전치 합성곱은 합성곱을 거꾸로 본 연산이므로, 먼저 합성곱의 출력 크기 공식을 떠올려 봅시다.
# 입력 크기가 $I$, 커널 크기가 $K$, 스트라이드가 $S$, 패딩이 $P$, 팽창이 $D$일 때 출력 크기는
#
# $$O = \left\lfloor \frac{I + 2P - D(K-1) - 1}{S} \right\rfloor + 1$$
#
# 입니다. 공식을 함수로 쓰고, 실제 `nn.Conv2d`가 내놓는 크기와 나란히 비교합니다.

# %% [markdown] tags=["lang-en"]
# ## Prerequisites and a convolution refresher
#
# We assume Python, PyTorch basics (a tensor's `shape`, `nn.Module`) and the 2-D convolution (`nn.Conv2d`).
# A transposed convolution looks at a convolution backwards, so first recall the convolution's output size.
# For input size $I$, kernel size $K$, stride $S$, padding $P$ and dilation $D$, the output size is
#
# $$O = \left\lfloor \frac{I + 2P - D(K-1) - 1}{S} \right\rfloor + 1$$
#
# We write the formula as a function and compare it with the size a real `nn.Conv2d` produces.

# %%
def conv_output_size(i, k, s=1, p=0, d=1):
    return (i + 2 * p - d * (k - 1) - 1) // s + 1


x = torch.randn(1, 3, 32, 32)
for k, s, p, d in [(3, 1, 1, 1), (3, 2, 1, 1), (5, 1, 0, 1), (4, 2, 1, 1), (3, 1, 2, 2)]:
    conv = nn.Conv2d(3, 8, kernel_size=k, stride=s, padding=p, dilation=d)
    y = conv(x)
    print(f"K={k} S={s} P={p} D={d}: y {tuple(y.shape)}, conv_output_size {conv_output_size(32, k, s, p, d)}")

# %% [markdown] tags=["lang-ko"]
# 모든 설정에서 공식과 PyTorch의 결과가 일치합니다. 바닥 함수 $\lfloor\cdot\rfloor$ 때문에 **서로 다른 입력
# 크기가 같은 출력 크기가** 될 수 있다는 점을 기억해 두세요. 레슨 03의 `output_padding`이 바로 이 문제를 다룹니다.
#
# 합성곱 층의 파라미터 수는 $C_{out} \cdot C_{in} \cdot K^2$(가중치) $+\ C_{out}$(편향)입니다. 아래 셀의
# `Conv2d(3, 8, kernel_size=3)`이라면 216 + 8 = 224개입니다. 마지막 줄은 커널 3, 스트라이드 2에서 입력 7과 8이
# 모두 출력 3이 된다는 것을 보여 줍니다.

# %% [markdown] tags=["lang-en"]
# The formula and PyTorch agree on every setting. Keep in mind that the floor $\lfloor\cdot\rfloor$ lets
# **different input sizes map to the same output size**; lesson 03's `output_padding` deals with exactly that.
#
# A convolution layer has $C_{out} \cdot C_{in} \cdot K^2$ weights plus $C_{out}$ biases. For the
# `Conv2d(3, 8, kernel_size=3)` below that is 216 + 8 = 224. The last line shows that with kernel 3 and
# stride 2, inputs 7 and 8 both give output 3.

# %%
conv = nn.Conv2d(3, 8, kernel_size=3)
print("weight:", tuple(conv.weight.shape), "bias:", tuple(conv.bias.shape))
print("parameters:", sum(p.numel() for p in conv.parameters()), "=", 8 * 3 * 3 * 3, "+", 8)
print("conv_output_size(i, 3, s=2), i = 7, 8:", [conv_output_size(i, 3, s=2) for i in (7, 8)])

# %% [markdown] tags=["lang-ko"]
# ## 연습 문제 맛보기
#
# 모든 레슨은 이런 연습 문제로 끝납니다. `Conv2d(kernel_size=5, stride=2, padding=2)`에 28×28 입력을 넣으면
# 출력의 한 변은 몇 픽셀일까요? `...`를 답으로 바꾸고 셀을 실행해 보세요.

# %% [markdown] tags=["lang-en"]
# ## A taste of the exercises
#
# Every lesson ends with exercises like this one. How many pixels wide is the output when a 28×28 input goes
# through `Conv2d(kernel_size=5, stride=2, padding=2)`? Replace `...` with your answer and run the cell.

# %%
answer = ...
check("00.1", answer, LANG)

# %% tags=["solution"] jupyter={"source_hidden": true}
solution = conv_output_size(28, 5, s=2, p=2)
verify("00.1", solution)

# %% [markdown] tags=["lang-ko"]
# ## 레슨 목록
#
# 레슨 01–08은 원문의 절 순서를 따르며, 원문의 주장을 코드로 직접 재어 확인합니다(특히 02–05). 레슨 09–11은
# 원문을 넘어섭니다. 레슨 09는 직접 측정해 보는 초해상도 실험이고, 레슨 10과 11은 원문의 주제를 원문보다
# 깊이 다룹니다.

# %% [markdown] tags=["lang-en"]
# ## Lessons
#
# Lessons 01–08 follow the sections of the source document and check its claims by running code (02–05 in
# particular). Lessons 09–11 go beyond it: lesson 09 is a measured super-resolution experiment, and lessons
# 10 and 11 take the document's topics further than it does.

# %%
Markdown(lessons.markdown_table(LANG))

# %% [markdown] tags=["lang-ko"]
# ## 용어집
#
# 코스 전체에서 한 개념에는 한 용어만 씁니다. 한국어 설명에 용어집이 금지한 다른 표기(같은 개념의 다른 음역이나
# 띄어쓰기, 같은 개념에 쓴 다른 낱말이나 구)가 섞이면 빌드 검사가 실패합니다. 금지한 표기의 목록은
# `course_utils/data/glossary.toml`에 있습니다.

# %% [markdown] tags=["lang-en"]
# ## Glossary
#
# The course uses one term per concept. The build check fails if Korean prose uses a spelling the glossary
# rejects for a concept (another transliteration or spacing, another word or phrase for the same concept);
# `course_utils/data/glossary.toml` lists them.

# %% [markdown] tags=["lang-ko", "notes"]
# **강의 노트.** 용어집은 개념마다 한국어 용어를 하나로 정해 둡니다. 직접 만드는 슬라이드에도 같은 용어를 쓰면 레슨과 말이
# 어긋나지 않습니다. 레슨 본문에 용어집이 금지한 표기가 있으면 CI가 실패합니다.

# %% [markdown] tags=["lang-en", "notes"]
# **Lecturer's note.** The glossary fixes one Korean term per concept. Use the same terms on your own slides so
# they match the lessons; CI fails if the lesson prose uses a spelling the glossary rejects.

# %%
Markdown(glossary.markdown_table(LANG))

# %% [markdown] tags=["lang-ko"]
# ## 참고 문헌
#
# 코스 전체의 참고 문헌은 `course_utils/data/bibliography.toml` 한 곳에 있습니다. 레슨은 아래 굵은 글씨의
# 이름표(저자와 연도)로 인용하고, 본문의 인용이 모두 이 목록에 있는지는 테스트가 확인합니다. 제1저자와 연도가
# 같은 두 글은 2016a, 2016b처럼 구별합니다.

# %% [markdown] tags=["lang-en"]
# ## References
#
# The course keeps its references in one place, `course_utils/data/bibliography.toml`. Lessons cite a work by
# the label in bold below (author and year), and a test checks that every citation in the prose is in this list.
# Two works with the same first author and year are told apart as 2016a and 2016b.

# %% tags=["slides-skip"]
Markdown(bibliography.markdown_list(LANG))

"""Exercises of lesson 02 (how it works): answers computed with PyTorch and course_utils.reference."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, randn, register_coding, seeded
from course_utils.reference import conv_matrix


def _overlapping_cells_stride_2() -> int:
    counts = F.conv_transpose2d(torch.ones(1, 1, 2, 2), torch.ones(1, 1, 3, 3), stride=2)
    return int((counts > 1).sum())


def _rank_5x5() -> int:
    c = conv_matrix(torch.randn(3, 3, generator=torch.Generator().manual_seed(0), dtype=torch.float64), 5)
    return int(torch.linalg.matrix_rank(c.T @ c))


def _parameters_64_to_32() -> int:
    return sum(p.numel() for p in nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1).parameters())


def _output_padding_back_to_8() -> int:
    with torch.no_grad():
        y = F.conv2d(torch.zeros(1, 1, 8, 8), torch.zeros(1, 1, 3, 3), stride=2, padding=1)
        return next(a for a in range(2)
                    if F.conv_transpose2d(y, torch.zeros(1, 1, 3, 3), stride=2, padding=1, output_padding=a).shape[-1] == 8)


register(Exercise(
    id="02.1",
    expected=_overlapping_cells_stride_2,
    kind=int,
    nudge={"ko": "출력은 몇×몇이고, 이웃한 두 사본은 어디에서 겹칠까요? 위의 스테퍼를 스트라이드 2로 두고 보세요.",
           "en": "How large is the output, and where do two neighbouring copies overlap? Try the stepper above at "
                 "stride 2."},
    hint={"ko": "스트라이드 2이면 입력 (i, j)의 커널 사본은 출력 (2i, 2j)에서 시작해 3×3을 덮습니다. 두 사본이 함께 덮는 행과 열을 찾아보세요.",
          "en": "With stride 2 the kernel copy of input (i, j) starts at output (2i, 2j) and covers 3×3. Find the rows and "
                "columns that two copies share."},
    explanation={"ko": "9칸입니다. 출력은 5×5이고, 사본들은 2번 행과 2번 열에서만 겹칩니다(5 + 5 − 1 = 9). 가운데 칸 (2, 2)에는 "
                       "곱 네 개가 모입니다.",
                 "en": "9 cells. The output is 5×5 and the copies overlap only in row 2 and column 2 (5 + 5 − 1 = 9); the "
                       "centre cell (2, 2) collects four products."},
))

register(Exercise(
    id="02.2",
    expected=_rank_5x5,
    kind=int,
    nudge={"ko": "합성곱의 출력은 값이 몇 개인가요? 4절에서 4×4 입력일 때 CᵀC의 랭크는 얼마였나요?",
           "en": "How many values does the convolution output? What was the rank of CᵀC for the 4×4 input in "
                 "section 4?"},
    hint={"ko": "C는 몇 행 몇 열인가요? CᵀC의 랭크는 C의 랭크와 같고, 행의 수를 넘을 수 없습니다.",
          "en": "How many rows and columns does C have? CᵀC has the rank of C, which cannot exceed its number of rows."},
    explanation={"ko": "9입니다. 3×3 커널이 5×5 입력에서 만드는 출력은 3×3이라 C는 9×25 행렬이고 랭크가 9입니다(9개 행이 "
                       "선형 독립). 25×25인 CᵀC의 랭크도 9입니다. "
                       "입력의 25차원 가운데 16차원은 합성곱을 거치면 사라지므로 어떤 연산으로도 되살릴 수 없습니다.",
                 "en": "9. A 3×3 kernel on a 5×5 input gives a 3×3 output, so C is 9×25 with rank 9 (its 9 rows are "
                       "independent), and the 25×25 matrix CᵀC has rank 9 too. "
                       "Sixteen of the input's 25 dimensions vanish in the convolution, and no operation can bring them back."},
))

register(Exercise(
    id="02.3",
    expected=_parameters_64_to_32,
    kind=int,
    nudge={"ko": "가중치 텐서의 네 축은 각각 무엇인가요? 가중치 말고도 학습하는 값이 있나요?",
           "en": "What are the four axes of the weight tensor? Is anything besides the weight learned?"},
    hint={"ko": "가중치 모양은 (C_in, C_out, K, K)이고, 편향은 출력 채널마다 하나입니다.",
          "en": "The weight has shape (C_in, C_out, K, K), and there is one bias per output channel."},
    explanation={"ko": "64·32·4·4 = 32768개의 가중치에 편향 32개를 더해 32800개입니다. 스트라이드와 패딩은 파라미터 수를 바꾸지 않습니다.",
                 "en": "64·32·4·4 = 32768 weights plus 32 biases: 32800. Stride and padding do not change the count."},
))

register(Exercise(
    id="02.4",
    expected=_output_padding_back_to_8,
    kind=int,
    nudge={"ko": "5절의 7×7 예와 무엇이 다른가요? 이 합성곱이 4×4로 만드는 입력 크기는 하나뿐인가요?",
           "en": "What differs from the 7×7 example of section 5? Is 8×8 the only input size this convolution maps "
                 "to 4×4?"},
    hint={"ko": "커널 3, 스트라이드 2, 패딩 1인 합성곱은 8×8과 7×7을 모두 4×4로 만듭니다. 같은 설정의 전치 합성곱은 4×4를 어떤 크기로 되돌리나요?",
          "en": "A convolution with kernel 3, stride 2, padding 1 maps both 8×8 and 7×7 to 4×4. Which size does the "
                "matching transposed convolution give back from 4×4?"},
    explanation={"ko": "1입니다. output_padding이 0이면 (4 − 1)·2 − 2 + 3 = 7이 나오므로, 8을 얻으려면 한 행과 한 열을 더해야 합니다. "
                       "이 모호함은 레슨 03에서 자세히 다룹니다.",
                 "en": "1. With output_padding 0 you get (4 − 1)·2 − 2 + 3 = 7, so one extra row and column are needed for 8. "
                       "Lesson 03 treats this ambiguity in detail."},
))


def _transposed_conv_cases() -> list[Case]:
    generator = seeded(205)
    cases = []
    for (c_in, c_out), k, stride, h, w in itertools.product(((1, 1), (2, 3)), range(1, 4), range(1, 4),
                                                            range(1, 4), range(1, 4)):
        x, weight = randn(generator, 1, c_in, h, w), randn(generator, c_in, c_out, k, k)
        expected = F.conv_transpose2d(x, weight, stride=stride)
        cases.append(Case({"x": x, "weight": weight, "stride": stride}, (x, weight, stride), expected))
    return sorted(cases, key=lambda case: (case.args[0].numel() + case.args[1].numel(), case.args[2]))


register_coding(CodingExercise(
    id="02.5",
    signature="transposed_conv2d(x, weight, stride)",
    cases=_transposed_conv_cases,
    forbidden=("torch.nn.functional.conv_transpose2d", "torch.conv_transpose2d"),
    hints=(
        {"ko": "두 단계입니다. 입력 사이에 stride − 1개씩 0을 넣고, 그 결과에 보통 합성곱(`F.conv2d`)을 적용합니다.",
         "en": "Two steps: insert stride − 1 zeros between input values, then apply an ordinary convolution "
               "(`F.conv2d`)."},
        {"ko": "출력이 (H − 1)·S + K가 되려면 0 삽입 결과의 네 변에 K − 1칸씩 0을 패딩합니다. 가중치는 "
               "(in, out, K, K)를 (out, in, K, K)로 바꾸고(`transpose(0, 1)`) 커널을 상하좌우로 뒤집습니다(`flip`).",
         "en": "For an output of (H − 1)·S + K, pad the zero-inserted map by K − 1 on every side. Swap the weight "
               "from (in, out, K, K) to (out, in, K, K) with `transpose(0, 1)` and flip the kernel in both "
               "directions (`flip`)."},
        {"ko": "`z = x.new_zeros(n, c, (h - 1) * stride + 1, (w - 1) * stride + 1)`; `z[..., ::stride, ::stride] = x`; "
               "`return F.conv2d(F.pad(z, [k - 1] * 4), weight.transpose(0, 1).flip(-2, -1))`.",
         "en": "`z = x.new_zeros(n, c, (h - 1) * stride + 1, (w - 1) * stride + 1)`; `z[..., ::stride, ::stride] = x`; "
               "`return F.conv2d(F.pad(z, [k - 1] * 4), weight.transpose(0, 1).flip(-2, -1))`."},
    ),
    explanation={"ko": "0 삽입, 패딩, 뒤집은 커널의 합성곱은 흩뿌려 더하기와 같은 합을 다른 순서로 계산합니다. "
                       "결과는 같지만 0을 곱하는 계산이 많습니다.",
                 "en": "Zero insertion, padding and a convolution with the flipped kernel compute the same sums as "
                       "scatter-add in another order: the same result, with many multiplications by zero."},
))

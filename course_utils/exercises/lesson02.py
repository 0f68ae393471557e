"""Exercises of lesson 02 (how it works): answers computed with PyTorch and course_utils.reference."""

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register
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
    hint={"ko": "가중치 모양은 (C_in, C_out, K, K)이고, 편향은 출력 채널마다 하나입니다.",
          "en": "The weight has shape (C_in, C_out, K, K), and there is one bias per output channel."},
    explanation={"ko": "64·32·4·4 = 32768개의 가중치에 편향 32개를 더해 32800개입니다. 스트라이드와 패딩은 파라미터 수를 바꾸지 않습니다.",
                 "en": "64·32·4·4 = 32768 weights plus 32 biases: 32800. Stride and padding do not change the count."},
))

register(Exercise(
    id="02.4",
    expected=_output_padding_back_to_8,
    kind=int,
    hint={"ko": "커널 3, 스트라이드 2, 패딩 1인 합성곱은 8×8과 7×7을 모두 4×4로 만듭니다. 같은 설정의 전치 합성곱은 4×4를 어떤 크기로 되돌리나요?",
          "en": "A convolution with kernel 3, stride 2, padding 1 maps both 8×8 and 7×7 to 4×4. Which size does the "
                "matching transposed convolution give back from 4×4?"},
    explanation={"ko": "1입니다. output_padding이 0이면 (4 − 1)·2 − 2 + 3 = 7이 나오므로, 8을 얻으려면 한 행과 한 열을 더해야 합니다. "
                       "이 모호함은 레슨 03에서 자세히 다룹니다.",
                 "en": "1. With output_padding 0 you get (4 − 1)·2 − 2 + 3 = 7, so one extra row and column are needed for 8. "
                       "Lesson 03 treats this ambiguity in detail."},
))

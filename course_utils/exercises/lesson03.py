"""Exercises of lesson 03 (output size): answers computed with PyTorch layers, never typed in."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, REFUSED, register_coding, seeded


def _side(layer: nn.Module, size: int, **forward) -> int:
    with torch.no_grad():
        return layer(torch.zeros(1, 1, size, size), **forward).shape[-1]


def _padding_for_exactly_2x() -> int:
    return next(p for p in range(6) if all(_side(nn.ConvTranspose2d(1, 1, 6, 2, p), n) == 2 * n for n in (5, 8, 13)))


def _conv_size_of_10() -> int:
    return _side(nn.Conv2d(1, 1, 3, stride=2), 10)


def _output_padding_back_to_15() -> int:
    small = _side(nn.Conv2d(1, 1, 4, 2, 1), 15)
    return next(a for a in range(2) if _side(nn.ConvTranspose2d(1, 1, 4, 2, 1, output_padding=a), small) == 15)


def _accepted(layer: nn.Module, size: int, output_size: int) -> bool:
    try:
        return _side(layer, size, output_size=(output_size, output_size)) == output_size
    except ValueError:
        return False


def _largest_output_size() -> int:
    layer = nn.ConvTranspose2d(1, 1, 3, stride=3, padding=1)
    return max(o for o in range(1, 40) if _accepted(layer, 5, o))


register(Exercise(
    id="03.1",
    expected=_padding_for_exactly_2x,
    kind=int,
    nudge={"ko": "출력이 어떤 입력에서든 정확히 2배라면, 공식 O = (I − 1)·S − 2P + K에서 I에 붙지 않은 항들의 합은 얼마여야 할까요?",
           "en": "If the output is exactly twice any input, what must the terms of O = (I − 1)·S − 2P + K that do not involve I add up to?"},
    hint={"ko": "P_out = 0이면 O = S·I + (K − 2P − S)입니다. 괄호 안이 0이 되는 P를 찾으세요.",
          "en": "With P_out = 0, O = S·I + (K − 2P − S). Find the P that makes the bracketed term 0."},
    explanation={"ko": "K − 2P = S에서 P = (K − S)/2 = (6 − 2)/2 = 2입니다. k4/p1, k2/p0과 같은 규칙입니다.",
                 "en": "K − 2P = S gives P = (K − S)/2 = (6 − 2)/2 = 2, the same rule as k4/p1 and k2/p0."},
))

register(Exercise(
    id="03.2",
    expected=_conv_size_of_10,
    kind=int,
    nudge={"ko": "크기는 정수입니다. 스트라이드 2로 움직이는 3칸 커널이 10칸 입력 안에 몇 번 놓일 수 있을까요?",
           "en": "A size is an integer. How many times does a 3-cell kernel, moving by 2, fit inside 10 cells?"},
    hint={"ko": "원문 공식 (I − K + 2P)/S + 1은 3.5 + 1 = 4.5를 줍니다. PyTorch는 나눗셈의 몫만 씁니다.",
          "en": "The document's (I − K + 2P)/S + 1 gives 3.5 + 1 = 4.5. PyTorch keeps only the quotient."},
    explanation={"ko": "⌊(10 − 3)/2⌋ + 1 = 3 + 1 = 4입니다. 입력의 마지막 행과 열은 어느 출력 계산에도 쓰이지 않습니다.",
                 "en": "⌊(10 − 3)/2⌋ + 1 = 3 + 1 = 4. The last input row and column are read by no output."},
))

register(Exercise(
    id="03.3",
    expected=_output_padding_back_to_15,
    kind=int,
    nudge={"ko": "합성곱이 15를 7로 줄일 때 나눗셈에서 버린 것은 무엇이고, 되돌아갈 때 그것을 채우는 인자는 무엇일까요?",
           "en": "What did the division throw away when the convolution shrank 15 to 7, and which argument puts it back on the way up?"},
    hint={"ko": "15가 7로 줄어듭니다. 7에서 output_padding 없이 되돌리면 크기가 얼마가 되나요?",
          "en": "15 shrinks to 7. What does 7 grow back to without output_padding?"},
    explanation={"ko": "(7 − 1)·2 − 2 + 4 = 14이므로 한 칸이 모자랍니다. output_padding = 1이면 15가 됩니다. "
                       "이는 나머지 a = (15 + 2 − 4) mod 2 = 1과 같습니다.",
                 "en": "(7 − 1)·2 − 2 + 4 = 14 is one short, so output_padding = 1 gives 15. "
                       "It equals the remainder a = (15 + 2 − 4) mod 2 = 1."},
))

register(Exercise(
    id="03.4",
    expected=_largest_output_size,
    kind=int,
    nudge={"ko": "output_size는 output_padding을 대신 계산해 줄 뿐입니다. 이 층에서 output_padding이 가질 수 있는 가장 큰 값은 얼마일까요?",
           "en": "output_size only computes output_padding for you. What is the largest output_padding this layer allows?"},
    hint={"ko": "최소 크기는 (I − 1)·S − 2P + K입니다. 허용 범위는 거기에서 S − 1만큼 더 큰 크기까지입니다.",
          "en": "The smallest size is (I − 1)·S − 2P + K; the range reaches S − 1 beyond it."},
    explanation={"ko": "최소 크기 (5 − 1)·3 − 2 + 3 = 13에 S − 1 = 2를 더한 15가 최대입니다.",
                 "en": "The smallest size is (5 − 1)·3 − 2 + 3 = 13; adding S − 1 = 2 gives 15."},
))


def _pytorch_size(input_size, kernel_size, stride, padding, output_padding, dilation):
    x = torch.zeros(1, 1, input_size, dtype=torch.float64)
    w = torch.zeros(1, 1, kernel_size, dtype=torch.float64)
    try:
        return F.conv_transpose1d(x, w, stride=stride, padding=padding, output_padding=output_padding,
                                  dilation=dilation).shape[-1]
    except RuntimeError:
        return REFUSED


def _output_size_cases() -> list[Case]:
    names = ("input_size", "kernel_size", "stride", "padding", "output_padding", "dilation")
    grid = itertools.product(range(1, 5), range(1, 4), range(1, 4), range(3), range(3), range(1, 3))
    cases = [Case(dict(zip(names, values)), values, _pytorch_size(*values)) for values in grid]
    return sorted(cases, key=lambda case: (sum(case.args), case.args))


register_coding(CodingExercise(
    id="03.5",
    signature="output_size(input_size, kernel_size, stride, padding, output_padding, dilation)",
    cases=_output_size_cases,
    compare="integer",
    hints=(
        {"ko": "팽창 D인 커널은 K칸이 아니라 D·(K − 1) + 1칸을 덮습니다. PyTorch가 거부하는 경우도 두 가지 있습니다.",
         "en": "A kernel with dilation D covers D·(K − 1) + 1 cells, not K. PyTorch also refuses two kinds of "
               "settings."},
        {"ko": "O = (I − 1)·S − 2P + D·(K − 1) + P_out + 1입니다. P_out이 S보다도 D보다도 작지 않거나, O가 1보다 "
               "작으면 `raise ValueError(...)`.",
         "en": "O = (I − 1)·S − 2P + D·(K − 1) + P_out + 1. If P_out is not smaller than S or D, or O is below 1, "
               "`raise ValueError(...)`."},
        {"ko": "`if output_padding >= stride and output_padding >= dilation: raise ValueError(...)`; "
               "`size = (input_size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1`; "
               "`if size < 1: raise ValueError(...)`; `return size`.",
         "en": "`if output_padding >= stride and output_padding >= dilation: raise ValueError(...)`; "
               "`size = (input_size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1`; "
               "`if size < 1: raise ValueError(...)`; `return size`."},
    ),
    explanation={"ko": "이 공식은 `nn.ConvTranspose2d` 문서의 공식과 같고, 두 거부 규칙은 PyTorch가 forward에서 "
                       "검사하는 규칙입니다.",
                 "en": "The formula is the one in the `nn.ConvTranspose2d` documentation; the two refusals are the "
                       "rules PyTorch checks in forward."},
))

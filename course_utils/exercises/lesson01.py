"""Exercises of lesson 01 (why upsampling): answers computed with PyTorch, never typed in."""

import itertools
import math

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, randn, register_coding, seeded


def _steps_4_to_512() -> int:
    side, steps = 4, 0
    while side < 512:
        side = nn.Upsample(scale_factor=2)(torch.zeros(1, 1, side, side)).shape[-1]
        steps += 1
    return steps


def _encoder_side_224() -> int:
    x = torch.zeros(1, 1, 224, 224)
    stage = nn.Sequential(nn.Conv2d(1, 1, 3, padding=1), nn.MaxPool2d(2))
    with torch.no_grad():
        for _ in range(5):
            x = stage(x)
    return x.shape[-1]


def _upsample_parameters() -> int:
    return sum(p.numel() for p in nn.Upsample(scale_factor=4, mode="bilinear").parameters())


register(Exercise(
    id="01.1",
    expected=_steps_4_to_512,
    kind=int,
    nudge={"ko": "2절의 디코더는 8을 256으로 키우는 데 몇 단계가 필요했나요? 이번에는 시작과 끝이 무엇인가요?",
           "en": "How many steps did section 2's decoder need from 8 to 256? Where do you start and end this time?"},
    hint={"ko": "한 번 업샘플링할 때마다 한 변이 두 배가 됩니다. 512는 4의 몇 배이고, 그 수는 2의 몇 제곱인가요?",
          "en": "Each step doubles the side. How many times 4 is 512, and which power of 2 is that?"},
    explanation={"ko": "512 / 4 = 128 = 2⁷이므로 2배 업샘플링을 7번 해야 합니다.",
                 "en": "512 / 4 = 128 = 2⁷, so it takes 7 steps of 2× upsampling."},
))

register(Exercise(
    id="01.2",
    expected=_encoder_side_224,
    kind=int,
    nudge={"ko": "한 단계 안에서 크기를 바꾸는 것은 합성곱과 풀링 가운데 어느 쪽인가요?",
           "en": "Within one stage, which changes the size: the convolution or the pooling?"},
    hint={"ko": "padding=1인 3×3 합성곱은 크기를 그대로 두고, 2×2 최대 풀링이 단계마다 크기를 절반으로 줄입니다.",
          "en": "A 3×3 convolution with padding=1 keeps the size; each 2×2 max pooling halves it."},
    explanation={"ko": "224 → 112 → 56 → 28 → 14 → 7. ImageNet 모델에서 자주 보는 7×7입니다.",
                 "en": "224 → 112 → 56 → 28 → 14 → 7, the 7×7 map familiar from ImageNet models."},
))

register(Exercise(
    id="01.3",
    expected=_upsample_parameters,
    kind=int,
    nudge={"ko": "보간이 새 값을 채울 때 학습으로 바뀔 수 있는 숫자가 있나요? 배율을 2에서 4로 바꾸면 그 답이 달라질까요?",
           "en": "When interpolation fills in new values, does it use any number that training could change? "
                 "Would a scale of 4 instead of 2 change that?"},
    hint={"ko": "보간은 정해진 규칙으로 값을 채웁니다. `.parameters()`로 파라미터를 직접 세어 보세요.",
          "en": "Interpolation fills values by a fixed rule. Count the parameters with `.parameters()`."},
    explanation={"ko": "0개입니다. 배율이나 방식과 상관없이 보간은 정해진 규칙이므로 학습할 가중치가 없습니다.",
                 "en": "0. Whatever the scale and mode, interpolation is a fixed rule with no weights to learn."},
))


def _zero_insert_cases() -> list[Case]:
    generator = seeded(104)
    cases = []
    for (n, c), h, w, stride in itertools.product(((1, 1), (2, 3)), range(1, 5), range(1, 5), range(1, 4)):
        x = randn(generator, n, c, h, w)
        expected = F.conv_transpose2d(x, torch.ones(c, 1, 1, 1, dtype=torch.float64), stride=stride, groups=c)
        cases.append(Case({"x": x, "stride": stride}, (x, stride), expected))
    return sorted(cases, key=lambda case: (case.args[0].numel(), case.args[1], tuple(case.args[0].shape)))


register_coding(CodingExercise(
    id="01.4",
    signature="zero_insert(x, stride)",
    cases=_zero_insert_cases,
    hints=(
        {"ko": "출력의 한 변은 (H − 1)·stride + 1입니다. 먼저 그 크기의 0 텐서를 만드세요.",
         "en": "The output side is (H − 1)·stride + 1. Start from a zero tensor of that size."},
        {"ko": "입력 값은 출력의 stride칸마다 한 번씩 놓입니다. 슬라이싱 `[..., ::stride, ::stride]`가 바로 그 자리입니다.",
         "en": "The input values land every stride-th place of the output: the slice `[..., ::stride, ::stride]`."},
        {"ko": "`out = x.new_zeros(n, c, (h - 1) * stride + 1, (w - 1) * stride + 1)`; "
               "`out[..., ::stride, ::stride] = x`; `return out`.",
         "en": "`out = x.new_zeros(n, c, (h - 1) * stride + 1, (w - 1) * stride + 1)`; "
               "`out[..., ::stride, ::stride] = x`; `return out`."},
    ),
    explanation={"ko": "이 0 삽입은 값이 모두 1인 1×1 커널로 채널마다 따로 하는 전치 합성곱(`F.conv_transpose2d`)과 "
                       "같습니다. 레슨 02에서는 0 삽입 뒤에 합성곱을 하여 전치 합성곱 전체를 만듭니다.",
                 "en": "Zero insertion equals a per-channel transposed convolution with a 1×1 kernel of ones "
                       "(`F.conv_transpose2d`). Lesson 02 builds a whole transposed convolution as zero insertion "
                       "followed by a convolution."},
))

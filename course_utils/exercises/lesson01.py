"""Exercises of lesson 01 (why upsampling): answers computed with PyTorch, never typed in."""

import math

import torch
from torch import nn

from course_utils.exercises import Exercise, register


def _steps_8_to_256() -> int:
    return int(math.log2(256 // 8))


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
    expected=_steps_8_to_256,
    kind=int,
    hint={"ko": "한 번 업샘플링할 때마다 한 변이 두 배가 됩니다. 256은 8의 몇 배이고, 그 수는 2의 몇 제곱인가요?",
          "en": "Each step doubles the side. How many times 8 is 256, and which power of 2 is that?"},
    explanation={"ko": "256 / 8 = 32 = 2⁵이므로 2배 업샘플링을 5번 해야 합니다.",
                 "en": "256 / 8 = 32 = 2⁵, so it takes 5 steps of 2× upsampling."},
))

register(Exercise(
    id="01.2",
    expected=_encoder_side_224,
    kind=int,
    hint={"ko": "padding=1인 3×3 합성곱은 크기를 그대로 두고, 2×2 최대 풀링이 단계마다 크기를 절반으로 줄입니다.",
          "en": "A 3×3 convolution with padding=1 keeps the size; each 2×2 max pooling halves it."},
    explanation={"ko": "224 → 112 → 56 → 28 → 14 → 7. ImageNet 모델에서 자주 보는 7×7입니다.",
                 "en": "224 → 112 → 56 → 28 → 14 → 7, the 7×7 map familiar from ImageNet models."},
))

register(Exercise(
    id="01.3",
    expected=_upsample_parameters,
    kind=int,
    hint={"ko": "보간은 정해진 규칙으로 값을 채웁니다. `.parameters()`로 파라미터를 직접 세어 보세요.",
          "en": "Interpolation fills values by a fixed rule. Count the parameters with `.parameters()`."},
    explanation={"ko": "0개입니다. 배율이나 방식과 상관없이 보간은 정해진 규칙이므로 학습할 가중치가 없습니다.",
                 "en": "0. Whatever the scale and mode, interpolation is a fixed rule with no weights to learn."},
))

"""Exercises of lesson 08 (connections): answers computed with PyTorch, never typed in."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, randn, register_coding, seeded


def _espcn_channels() -> int:
    scale, colours = 4, 3
    shuffle = nn.PixelShuffle(scale)
    return next(c for c in range(scale**2, 100, scale**2) if shuffle(torch.zeros(1, c, 1, 1)).shape[1] == colours)


def _upsample_parameters() -> int:
    with torch.device("meta"):
        return sum(p.numel() for p in nn.Conv2d(512, 512, 3, padding=1).parameters())


def _unet_output(side: int = 636) -> int:
    with torch.device("meta"):
        conv, up = nn.Conv2d(1, 1, 3), nn.ConvTranspose2d(1, 1, 2, stride=2)
        x = torch.empty(1, 1, side, side)
        for level in range(5):
            x = conv(conv(x if level == 0 else F.max_pool2d(x, 2)))
        for _ in range(4):
            x = conv(conv(up(x)))
    return x.shape[-1]


register(Exercise(
    id="08.1",
    expected=_espcn_channels,
    kind=int,
    hint={"ko": "픽셀 셔플 r은 채널 r²개를 r×r 블록 하나로 펼칩니다. 출력 채널이 3이어야 합니다.",
          "en": "A pixel shuffle with r spreads r² channels into one r×r block; the output must keep 3 channels."},
    explanation={"ko": f"3 · 4² = {_espcn_channels()}. 셔플 뒤에 3채널, 한 변 ×4가 됩니다.",
                 "en": f"3 · 4² = {_espcn_channels()}: after the shuffle, 3 channels and ×4 per side."},
))

register(Exercise(
    id="08.2",
    expected=_upsample_parameters,
    kind=int,
    hint={"ko": "보간에는 파라미터가 없으니 3×3 합성곱(512 → 512)만 세면 됩니다.",
          "en": "Interpolation has no parameters; count the 3×3 convolution (512 → 512) only."},
    explanation={"ko": f"512 · 512 · 9 + 512 = {_upsample_parameters()}. 같은 크기의 전치 합성곱 k4 s2보다 적습니다.",
                 "en": f"512 · 512 · 9 + 512 = {_upsample_parameters()}, fewer than a k4 s2 transposed "
                       "convolution of the same width."},
))

register(Exercise(
    id="08.3",
    expected=_unet_output,
    kind=int,
    hint={"ko": "패딩 없는 3×3 합성곱 두 개는 한 변을 4 줄입니다. 내려갈 때와 올라올 때 모두 그렇습니다.",
          "en": "Two unpadded 3×3 convolutions take 4 off the side, on the way down and on the way up."},
    explanation={"ko": f"636 → … → 32 → … → {_unet_output()}. 원 논문 U-Net의 출력은 입력보다 184 작습니다"
                       " (572 → 388과 같음).",
                 "en": f"636 → … → 32 → … → {_unet_output()}. The paper's U-Net output is 184 smaller than "
                       "its input (as 572 → 388)."},
))


def _pixel_shuffle_cases() -> list[Case]:
    generator = seeded(804)
    cases = []
    for n, c, r, h, w in itertools.product((1, 2), (1, 2), range(1, 4), range(1, 4), range(1, 4)):
        x = randn(generator, n, c * r * r, h, w)
        cases.append(Case({"x": x, "r": r}, (x, r), F.pixel_shuffle(x, r)))
    return sorted(cases, key=lambda case: (case.args[0].numel(), case.args[1], tuple(case.args[0].shape)))


register_coding(CodingExercise(
    id="08.4",
    signature="pixel_shuffle(x, r)",
    cases=_pixel_shuffle_cases,
    hints=(
        {"ko": "(N, C·r², H, W)의 채널 축을 (C, r, r) 세 축으로 나누어 보세요.",
         "en": "Split the channel axis of (N, C·r², H, W) into three axes (C, r, r)."},
        {"ko": "출력의 행은 (h, a) 순서, 열은 (w, b) 순서로 읽힙니다. 축을 (N, C, H, r, W, r) 순서로 옮긴 뒤 합치세요.",
         "en": "Output rows run over (h, a) and columns over (w, b): move the axes into the order (N, C, H, r, W, r), "
               "then merge them."},
        {"ko": "`n, c, h, w = x.shape`; `x.reshape(n, c // (r * r), r, r, h, w).permute(0, 1, 4, 2, 5, 3)"
               ".reshape(n, c // (r * r), h * r, w * r)`를 돌려줍니다.",
         "en": "`n, c, h, w = x.shape`; return `x.reshape(n, c // (r * r), r, r, h, w).permute(0, 1, 4, 2, 5, 3)"
               ".reshape(n, c // (r * r), h * r, w * r)`."},
    ),
    explanation={"ko": "픽셀 셔플은 계산이 없는 재배열입니다. 곱셈은 앞의 합성곱이 모두 하고, 셔플은 값을 옮기기만 "
                       "합니다.",
                 "en": "Pixel shuffle is a rearrangement with no arithmetic: the convolution before it does all the "
                       "multiplying, and the shuffle only moves values."},
))

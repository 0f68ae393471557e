"""Exercises of lesson 08 (connections): answers computed with PyTorch, never typed in."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.flop_counter import FlopCounterMode

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, randn, register_coding, seeded


def _espcn_channels() -> int:
    scale, colours = 4, 3
    shuffle = nn.PixelShuffle(scale)
    return next(c for c in range(scale**2, 100, scale**2) if shuffle(torch.zeros(1, c, 1, 1)).shape[1] == colours)


def _espcn_layers(scale: int, enlarge_first: bool) -> list[nn.Module]:
    """ESPCN's three convolutions for one luminance channel (Shi et al. 2016a): at low resolution before a pixel
    shuffle, or on an image enlarged `scale` times by bicubic interpolation first (one output channel)."""
    last = 1 if enlarge_first else scale * scale
    convs = [nn.Conv2d(1, 64, 5, padding=2), nn.Tanh(), nn.Conv2d(64, 32, 3, padding=1), nn.Tanh(),
             nn.Conv2d(32, last, 3, padding=1)]
    if enlarge_first:
        return [nn.Upsample(scale_factor=scale, mode="bicubic", align_corners=False), *convs]
    return [*convs, nn.PixelShuffle(scale)]


def _flops(scale: int, enlarge_first: bool) -> int:
    with torch.device("meta"):
        net = nn.Sequential(*_espcn_layers(scale, enlarge_first))
        x = torch.empty(1, 1, 16, 16)
    with FlopCounterMode(display=False) as counter:
        net(x)
    return counter.get_total_flops()


def _ratio(scale: int) -> float:
    return _flops(scale, enlarge_first=True) / _flops(scale, enlarge_first=False)


def _enlarge_first_ratio_x4() -> int:
    return round(_ratio(4))


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
    nudge={"ko": "픽셀 셔플은 채널의 값을 공간으로 옮길 뿐 새 값을 만들지 않습니다. 출력에는 입력 한 칸마다 값이 몇 개 필요한가요?",
           "en": "A pixel shuffle only moves channel values into space and makes no new ones. How many values does "
                 "the output need per input cell?"},
    hint={"ko": "픽셀 셔플 r은 채널 r²개를 r×r 블록 하나로 펼칩니다. 출력 채널이 3이어야 합니다.",
          "en": "A pixel shuffle with r spreads r² channels into one r×r block; the output must keep 3 channels."},
    explanation={"ko": f"3 · 4² = {_espcn_channels()}. 셔플 뒤에 3채널, 한 변 ×4가 됩니다.",
                 "en": f"3 · 4² = {_espcn_channels()}: after the shuffle, 3 channels and ×4 per side."},
))

register(Exercise(
    id="08.2",
    expected=_enlarge_first_ratio_x4,
    kind=int,
    nudge={"ko": "먼저 키우면 합성곱마다 처리할 픽셀이 몇 배가 되나요? 그런데 두 방식에서 똑같지 않은 층이 하나 있습니다.",
           "en": "Enlarging first multiplies the pixels each convolution processes by how much? One layer, though, "
                 "differs between the two pipelines."},
    hint={"ko": "먼저 키우면 모든 합성곱이 r² = 16배 많은 픽셀에서 돕니다. 다만 마지막 합성곱만은 출력 채널이 16개에서 "
                "1개로 줄어듭니다. 층마다 픽셀 하나당 곱셈 수(64·25, 32·64·9, 16·32·9)를 세어 비교하세요.",
          "en": "Enlarging first runs every convolution on r² = 16 times as many pixels, except that the last one "
                "shrinks from 16 output channels to 1. Count the multiplications per pixel of each layer (64·25, "
                "32·64·9, 16·32·9) and compare."},
    explanation={"ko": f"{_enlarge_first_ratio_x4()}배(소수 둘째 자리까지 {_ratio(4):.2f}배). 배율이 r이면 이 비는 r²에 "
                       f"가깝지만, 마지막 층이 r²채널을 내는 만큼 r²보다 작습니다(×3에서는 {_ratio(3):.2f}배).",
                 "en": f"{_enlarge_first_ratio_x4()} times ({_ratio(4):.2f} to two decimals). For a scale r the "
                       f"ratio comes close to r² but stays below it, since ESPCN's last layer outputs r² channels "
                       f"(×3: {_ratio(3):.2f})."},
))

register(Exercise(
    id="08.3",
    expected=_unet_output,
    kind=int,
    nudge={"ko": "패딩이 없는 3×3 합성곱은 한 변을 얼마나 줄이나요? 1절에서 572가 388이 된 길을 떠올려 보세요.",
           "en": "By how much does an unpadded 3×3 convolution shrink the side? Recall how 572 became 388 in "
                 "section 1."},
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
    forbidden=("torch.nn.functional.pixel_shuffle", "torch.pixel_shuffle", "torch.nn.PixelShuffle"),
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

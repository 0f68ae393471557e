"""Exercises of lesson 11 (beyond 2-D, unpooling): answers computed with PyTorch."""

import torch
from torch import nn

from course_utils.exercises import Exercise, register


def _video_time_length() -> int:
    layer = nn.ConvTranspose3d(1, 1, (3, 4, 4), stride=(2, 2, 2), padding=(1, 1, 1))
    with torch.no_grad():
        return layer(torch.zeros(1, 1, 8, 16, 16)).shape[2]


def _unshuffle_channels() -> int:
    return nn.PixelUnshuffle(3)(torch.zeros(1, 2, 9, 9)).shape[1]


register(Exercise(
    id="11.1",
    expected=_video_time_length,
    kind=int,
    hint={"ko": "시간 축에만 레슨 03의 공식 (I−1)S − 2P + K를 적용하세요. I = 8, K = 3, S = 2, P = 1입니다.",
          "en": "Apply lesson 03's formula (I−1)S − 2P + K to the time axis alone: I = 8, K = 3, S = 2, P = 1."},
    explanation={"ko": "(8−1)·2 − 2 + 3 = 15입니다. 시간 축을 16으로 만들려면 `output_padding=(1, 0, 0)`을 주거나 "
                       "시간 축 커널을 4로 하면 됩니다.",
                 "en": "(8−1)·2 − 2 + 3 = 15. For 16 frames, add `output_padding=(1, 0, 0)` or use a time kernel of 4."},
))

register(Exercise(
    id="11.2",
    expected=_unshuffle_channels,
    kind=int,
    hint={"ko": "`PixelUnshuffle(r)`는 r×r 블록 하나를 채널 r²개로 옮깁니다. 채널은 몇 배가 될까요?",
          "en": "`PixelUnshuffle(r)` moves each r×r block into r² channels. By what factor do the channels grow?"},
    explanation={"ko": "2 · 3² = 18입니다. 공간 크기는 9×9에서 3×3이 되고, 값의 개수(162)는 그대로입니다.",
                 "en": "2 · 3² = 18. The spatial size goes from 9×9 to 3×3, and the number of values (162) stays."},
))

"""Exercise of lesson 00 (course map): a warm-up on the convolution output size."""

import torch
from torch import nn

from course_utils.exercises import Exercise, register


def _conv_side() -> int:
    conv = nn.Conv2d(1, 1, kernel_size=5, stride=2, padding=2)
    with torch.no_grad():
        return conv(torch.zeros(1, 1, 28, 28)).shape[-1]


register(Exercise(
    id="00.1",
    expected=_conv_side,
    kind=int,
    nudge={"ko": "패딩을 더한 입력에서 커널이 몇 번 놓일 수 있을까요? 스트라이드만큼씩 움직인다는 점을 생각하세요.",
           "en": "How many times does the kernel fit on the padded input, moving by the stride each time?"},
    hint={"ko": "O = ⌊(I + 2P − K) / S⌋ + 1에 I=28, K=5, S=2, P=2를 넣어 보세요.",
          "en": "Put I=28, K=5, S=2, P=2 into O = ⌊(I + 2P − K) / S⌋ + 1."},
    explanation={"ko": "⌊(28 + 4 − 5) / 2⌋ + 1 = 13 + 1 = 14. 스트라이드 2가 크기를 절반으로 줄였습니다.",
                 "en": "⌊(28 + 4 − 5) / 2⌋ + 1 = 13 + 1 = 14: stride 2 halved the size."},
))

"""Exercises of lesson 11 (beyond 2-D, unpooling): answers computed with PyTorch."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, randn, register_coding, seeded


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
    nudge={"ko": "3-D 층도 축마다 따로 계산합니다. 각 튜플에서 시간 축의 값은 몇 번째에 있나요?",
           "en": "A 3-D layer is computed axis by axis. Which entry of each tuple belongs to the time axis?"},
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
    nudge={"ko": "`PixelUnshuffle`은 값을 버리지도 새로 만들지도 않습니다. 공간 크기가 줄어든 만큼 무엇이 늘어나야 할까요?",
           "en": "`PixelUnshuffle` neither drops nor creates values. If the spatial size shrinks, what must grow to make "
                 "up for it?"},
    hint={"ko": "`PixelUnshuffle(r)`는 r×r 블록 하나를 채널 r²개로 옮깁니다. 채널은 몇 배가 될까요?",
          "en": "`PixelUnshuffle(r)` moves each r×r block into r² channels. By what factor do the channels grow?"},
    explanation={"ko": "2 · 3² = 18입니다. 공간 크기는 9×9에서 3×3이 되고, 값의 개수(162)는 그대로입니다.",
                 "en": "2 · 3² = 18. The spatial size goes from 9×9 to 3×3, and the number of values (162) stays."},
))


def _conv_transpose1d_cases() -> list[Case]:
    generator = seeded(1103)
    names = ("x", "weight", "stride", "padding")
    cases = []
    for c_in, c_out, length, k, s, p in itertools.product((1, 2), (1, 2), (1, 2, 3, 5), range(1, 5), range(1, 4),
                                                          range(3)):
        if (length - 1) * s + k - 2 * p < 1:
            continue
        x, weight = randn(generator, 1, c_in, length), randn(generator, c_in, c_out, k)
        expected = F.conv_transpose1d(x, weight, stride=s, padding=p)
        cases.append(Case(dict(zip(names, (x, weight, s, p))), (x, weight, s, p), expected))
    return sorted(cases, key=lambda case: (case.args[0].numel() + case.args[1].numel(), case.args[2:]))


register_coding(CodingExercise(
    id="11.3",
    signature="conv_transpose1d(x, weight, stride, padding)",
    cases=_conv_transpose1d_cases,
    forbidden=("torch.nn.functional.conv_transpose1d", "torch.conv_transpose1d"),
    hints=(
        {"ko": "레슨 02의 6.1절은 2-D 전치 합성곱을 0 삽입 + 패딩 K − P − 1 + 뒤집은 커널의 보통 합성곱으로 썼습니다. "
               "1-D에서도 같습니다. 전치 합성곱의 P는 P = 0일 때의 출력에서 무엇을 바꾸나요?",
         "en": "Section 6.1 of lesson 02 wrote the 2-D transposed convolution as zero insertion + padding K − P − 1 + "
               "an ordinary convolution with the flipped kernel; 1-D is the same. What does a transposed "
               "convolution's P change in the output it would have with P = 0?"},
        {"ko": "값 사이에 S − 1개씩 0을 넣고(길이 (L − 1)·S + 1), 양 끝에 K − 1개씩 0을 덧댄 뒤 "
               "`weight.transpose(0, 1).flip(-1)`로 `F.conv1d`를 하면 P = 0의 결과(길이 (L − 1)·S + K)가 나옵니다. "
               "P는 그 결과의 양 끝에서 P개씩 잘라 냅니다. P가 K − 1보다 클 수 있으니(K=1, P=1) 음수 패딩 대신 "
               "P = 0 결과를 잘라 내세요.",
         "en": "Insert S − 1 zeros between values (length (L − 1)·S + 1), pad K − 1 zeros at both ends and apply "
               "`F.conv1d` with `weight.transpose(0, 1).flip(-1)`: that is the P = 0 result, of length (L − 1)·S + K. "
               "P then cuts P values off each end. P may exceed K − 1 (K=1, P=1): crop the P = 0 result instead of "
               "padding by K − 1 − P."},
        {"ko": "`n, c, length = x.shape`; `k = weight.shape[-1]`; "
               "`z = x.new_zeros(n, c, (length - 1) * stride + 1)`; `z[..., ::stride] = x`; "
               "`full = F.conv1d(F.pad(z, [k - 1, k - 1]), weight.transpose(0, 1).flip(-1))`; "
               "`return full[..., padding:full.shape[-1] - padding]`.",
         "en": "`n, c, length = x.shape`; `k = weight.shape[-1]`; "
               "`z = x.new_zeros(n, c, (length - 1) * stride + 1)`; `z[..., ::stride] = x`; "
               "`full = F.conv1d(F.pad(z, [k - 1, k - 1]), weight.transpose(0, 1).flip(-1))`; "
               "`return full[..., padding:full.shape[-1] - padding]`."},
    ),
    explanation={"ko": "기대한 값은 `F.conv_transpose1d`로 구했습니다. 0을 끼운 뒤 뒤집은 커널로 합성곱하는 방법은 축의 "
                       "수와 상관없이 쓸 수 있고, 2-D와 3-D에서는 축마다 같은 일을 합니다.",
                 "en": "The expected values come from `F.conv_transpose1d`. Zero insertion followed by a convolution "
                       "with the flipped kernel works whatever the number of axes; in 2-D and 3-D it does the same "
                       "along every axis."},
))

"""Exercises of lesson 05 (the three methods compared): answers computed with PyTorch, never typed in."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.flop_counter import FlopCounterMode

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, randn, register_coding, seeded


def _pixel_shuffle_x3_parameters() -> int:
    method = nn.Sequential(nn.Conv2d(256, 128 * 9, 3, padding=1), nn.PixelShuffle(3))
    return sum(p.numel() for p in method.parameters())


def _zero_taps_per_pair() -> int:
    """Probe which (phase, 3×3 offset) pairs of a K=2, S=2, P=0 transposed convolution carry a weight."""
    layer = nn.ConvTranspose2d(1, 1, 2, stride=2, padding=0, bias=False)
    with torch.no_grad():
        layer.weight.fill_(1.0)
        used = 0
        for d in range(3):
            for e in range(3):
                x = torch.zeros(1, 1, 5, 5)
                x[0, 0, 2 + d - 1, 2 + e - 1] = 1.0  # the input at offset (d, e) of the window around (2, 2)
                y = layer(x)[0, 0]
                used += int((y[4:6, 4:6] != 0).sum())  # the 2×2 phases of output block (2, 2)
    return 4 * 9 - used


def _multiply_adds(module: nn.Module, x: torch.Tensor) -> int:
    with torch.no_grad(), FlopCounterMode(display=False) as counter:
        module(x)
    return counter.get_total_flops() // 2


def _kernel_matching_resize_macs() -> int:
    """The K for which ConvTranspose2d(64, 32, K, stride=2) does the multiply-adds of nearest ×2 + a 3×3 conv."""
    x = torch.zeros(1, 64, 8, 8)
    resize = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(64, 32, 3, padding=1))
    target = _multiply_adds(resize, x)
    return next(k for k in range(1, 10) if _multiply_adds(nn.ConvTranspose2d(64, 32, k, stride=2), x) == target)


register(Exercise(
    id="05.1",
    expected=_pixel_shuffle_x3_parameters,
    kind=int,
    nudge={"ko": "배율이 3이면 합성곱은 출력 채널을 몇 개 만들어야 할까요?",
           "en": "With scale 3, how many output channels must the convolution produce?"},
    hint={"ko": "배율 3이면 합성곱의 출력 채널은 128 × 3²입니다. 가중치 C_out·C_in·3·3에 편향 C_out을 더하세요.",
          "en": "With scale 3 the convolution outputs 128 × 3² channels. Add the C_out·C_in·3·3 weights and the "
                "C_out biases."},
    explanation={"ko": "1152 × 256 × 9 + 1152 = 2655360개입니다. 배율 2일 때(1180160개)의 2.25배로, "
                       "파라미터가 배율의 제곱에 비례해 늘어납니다.",
                 "en": "1152 × 256 × 9 + 1152 = 2655360, 2.25 times the count at scale 2 (1180160): the parameters "
                       "grow with the square of the scale."},
))

register(Exercise(
    id="05.2",
    expected=_zero_taps_per_pair,
    kind=int,
    nudge={"ko": "K=2, S=2에서는 출력 위상 하나에 커널 탭이 몇 개 닿나요?",
           "en": "With K=2, S=2, how many kernel taps reach one output phase?"},
    hint={"ko": "네 위상이 각각 3×3 = 9개의 탭을 가지므로 모두 36개입니다. K=2, S=2에서는 커널 사본이 겹치지 "
                "않으니 출력 픽셀마다 입력 하나에서 온 탭 하나만 닿습니다.",
          "en": "Four phases with 3×3 = 9 taps each make 36 slots. With K=2, S=2 the kernel copies do not overlap, "
                "so each output pixel receives one tap of one input."},
    explanation={"ko": "위상마다 탭 하나만 쓰이니 36 − 4 = 32개가 0입니다. 그래서 6절의 등식 (1)은 3×3이 아니라 "
                       "1×1 합성곱 + 픽셀 셔플로 씁니다.",
                 "en": "Each phase uses one tap, so 36 − 4 = 32 are zero. That is why identity (1) of section 6 is "
                       "written with a 1×1 convolution + pixel shuffle, not a 3×3 one."},
))

register(Exercise(
    id="05.3",
    expected=_kernel_matching_resize_macs,
    kind=int,
    nudge={"ko": "전치 합성곱은 입력 픽셀마다, 업샘플링 + 합성곱은 출력 픽셀마다 곱해 더합니다. "
                 "입력 픽셀 하나에 출력 픽셀은 몇 개인가요?",
           "en": "The transposed convolution works per input pixel, upsample + convolution per output pixel. How "
                 "many output pixels are there per input pixel?"},
    hint={"ko": "전치 합성곱은 입력 픽셀마다 C_in·C_out·K²번, 최근접 이웃 ×2 + 3×3 합성곱은 출력 픽셀마다 "
                "C_in·C_out·9번, 곧 입력 픽셀마다 4 × 9 = 36번 곱해 더합니다. K² = 36을 푸세요.",
          "en": "The transposed convolution does C_in·C_out·K² multiply-adds per input pixel; nearest ×2 + a 3×3 "
                "convolution does C_in·C_out·9 per output pixel, that is 4 × 9 = 36 per input pixel. Solve K² = 36."},
    explanation={"ko": "K = 6입니다. 보간이 픽셀을 4배로 늘린 뒤 3×3 합성곱을 하므로 입력 픽셀마다 36번이고, "
                       "K=4 전치 합성곱(16번)의 36/16 = 2.25배라는 2절의 결과도 같은 계산입니다.",
                 "en": "K = 6. Interpolation makes 4 pixels of each input pixel before the 3×3 convolution, so 36 "
                       "per input pixel; section 2's 36/16 = 2.25 times a K=4 transposed convolution is the same "
                       "count."},
))


def _as_pixel_shuffle_cases() -> list[Case]:
    generator = seeded(505)
    cases = []
    for c_in, c_out, r in itertools.product(range(1, 4), range(1, 4), range(1, 4)):
        weight = randn(generator, c_in, c_out, r, r)
        one_hot = torch.eye(c_in, dtype=torch.float64).view(c_in, c_in, 1, 1)
        expected = F.pixel_unshuffle(F.conv_transpose2d(one_hot, weight, stride=r), r).transpose(0, 1).contiguous()
        cases.append(Case({"weight": weight}, (weight,), expected))
    return sorted(cases, key=lambda case: (case.args[0].numel(), tuple(case.args[0].shape)))


register_coding(CodingExercise(
    id="05.4",
    signature="as_pixel_shuffle(weight)",
    cases=_as_pixel_shuffle_cases,
    hints=(
        {"ko": "kernel_size = stride = r인 전치 합성곱에서는 출력 위상마다 커널 탭이 하나씩만 닿습니다. 6절 등식 (1)을 "
               "r에 대해 일반화하세요.",
         "en": "With kernel_size = stride = r each output phase is reached by exactly one kernel tap. Generalize "
               "identity (1) of section 6 to any r."},
        {"ko": "`PixelShuffle(r)`은 출력 채널 c의 위상 (a, b)를 채널 c·r² + a·r + b에서 가져옵니다. 그러니 새 가중치의 "
               "행 c·r² + a·r + b, 열 i에는 `weight[i, c, a, b]`가 들어갑니다.",
         "en": "`PixelShuffle(r)` takes phase (a, b) of output channel c from channel c·r² + a·r + b, so row "
               "c·r² + a·r + b, column i of the new weight holds `weight[i, c, a, b]`."},
        {"ko": "`c_in, c_out, r, _ = weight.shape`; "
               "`return weight.permute(1, 2, 3, 0).reshape(c_out * r * r, c_in, 1, 1)`.",
         "en": "`c_in, c_out, r, _ = weight.shape`; "
               "`return weight.permute(1, 2, 3, 0).reshape(c_out * r * r, c_in, 1, 1)`."},
    ),
    explanation={"ko": "기대한 가중치는 PyTorch로 구했습니다. 입력 채널 하나만 1이고 나머지는 0인 1×1 입력마다 "
                       "`F.conv_transpose2d`를 적용하고, `F.pixel_unshuffle`로 위상을 채널로 되돌린 값입니다.",
                 "en": "The expected weight comes from PyTorch: `F.conv_transpose2d` on a one-hot 1×1 input per "
                       "input channel, with `F.pixel_unshuffle` turning the phases back into channels."},
))

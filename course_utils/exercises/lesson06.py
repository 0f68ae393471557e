"""Exercises of lesson 06 (U-Net decoder): answers computed with PyTorch, never typed in."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, randn, register_coding, seeded


def _layer_parameters() -> list[int]:
    with torch.device("meta"):  # shapes only: no memory, and the caller's random state stays untouched
        layers = [nn.ConvTranspose2d(256, 128, 2, stride=2), nn.Conv2d(128 + 128, 128, 3, padding=1),
                  nn.BatchNorm2d(128), nn.Conv2d(128, 128, 3, padding=1), nn.BatchNorm2d(128)]
    return [sum(p.numel() for p in layer.parameters()) for layer in layers]


def _block_parameters() -> int:
    return sum(_layer_parameters())


def _terms() -> str:
    return " + ".join(f"{n:,}" for n in _layer_parameters())


def _round_trip(side: int) -> int:
    with torch.device("meta"):
        return nn.ConvTranspose2d(1, 1, 2, stride=2)(F.max_pool2d(torch.empty(1, 1, side, side), 2)).shape[-1]


def _sides_not_restored() -> int:
    return sum(_round_trip(side) != side for side in range(64, 128))


def _no_fix_needed(side: int, levels: int = 4) -> bool:
    for _ in range(levels):
        if _round_trip(side) != side:
            return False
        side //= 2
    return True


def _side_for_four_levels() -> int:
    return next(side for side in range(500, 1000) if _no_fix_needed(side))


register(Exercise(
    id="06.1",
    expected=_block_parameters,
    kind=int,
    hint={"ko": "층마다 세어 더하세요: 전치 합성곱 256·128·2·2 + 128, 첫 합성곱은 (128 + 128)채널을 받습니다. "
                "배치 정규화는 채널마다 2개입니다.",
          "en": "Count layer by layer: the transposed convolution has 256·128·2·2 + 128; the first convolution "
                "reads (128 + 128) channels; batch normalization has 2 per channel."},
    explanation={"ko": f"{_block_parameters()}개 = {_terms()} (층 순서대로).",
                 "en": f"{_block_parameters()} = {_terms()} (layer by layer)."},
))

register(Exercise(
    id="06.2",
    expected=_sides_not_restored,
    kind=int,
    hint={"ko": "풀링은 ⌊n/2⌋로 나머지를 버리고, k=2, s=2 전치 합성곱은 정확히 두 배로 만듭니다. 2·⌊n/2⌋ = n은 "
                "언제 성립하나요?",
          "en": "Pooling gives ⌊n/2⌋, dropping the remainder; a k=2, s=2 transposed convolution doubles exactly. "
                "When does 2·⌊n/2⌋ = n hold?"},
    explanation={"ko": f"홀수인 변 {_sides_not_restored()}개입니다. 예를 들어 75 → 37 → {_round_trip(75)}로 한 줄이 "
                       "모자라므로 `output_size=`로 되돌려야 합니다.",
                 "en": f"The {_sides_not_restored()} odd sides. For example 75 → 37 → {_round_trip(75)} is one row "
                       "short, so bring it back with `output_size=`."},
))

register(Exercise(
    id="06.3",
    expected=_side_for_four_levels,
    kind=int,
    hint={"ko": "풀링마다 크기가 절반이 되므로, 네 번 모두 나누어떨어지려면 2⁴ = 16의 배수여야 합니다.",
          "en": "Each pooling halves the size; to divide evenly four times the side must be a multiple of 2⁴ = 16."},
    explanation={"ko": f"{_side_for_four_levels()} = 16 × 32. 입력을 이 크기로 패딩하고 예측을 원래 크기로 잘라 냅니다.",
                 "en": f"{_side_for_four_levels()} = 16 × 32. Pad the input to this size and crop the prediction "
                       "back."},
))


def _decoder_step_cases() -> list[Case]:
    generator = seeded(604)
    cases = []
    for (c_in, c_up, c_skip), h, w, extra_h, extra_w in itertools.product(((1, 1, 1), (2, 1, 3)), range(1, 4),
                                                                          range(1, 4), (0, 1), (0, 1)):
        up = nn.ConvTranspose2d(c_in, c_up, 2, stride=2, bias=False).double()
        with torch.no_grad():
            up.weight.copy_(randn(generator, c_in, c_up, 2, 2))
        x = randn(generator, 1, c_in, h, w)
        skip = randn(generator, 1, c_skip, 2 * h + extra_h, 2 * w + extra_w)
        with torch.no_grad():
            expected = torch.cat([up(x, output_size=skip.shape[-2:]), skip], dim=1)
        cases.append(Case({"up": up, "x": x, "skip": skip}, (up, x, skip), expected))
    return sorted(cases, key=lambda case: (case.args[2].numel(), case.args[1].numel()))


register_coding(CodingExercise(
    id="06.4",
    signature="decoder_step(up, x, skip)",
    cases=_decoder_step_cases,
    hints=(
        {"ko": "풀링이 홀수 크기의 나머지를 버리므로 `up(x)`는 skip보다 한 줄 작을 수 있습니다. 어느 쪽에 줄을 더해야 "
               "행이 맞을까요?",
         "en": "Pooling drops the remainder of an odd size, so `up(x)` can be one row short of skip. On which side "
               "must the row go for the rows to line up?"},
        {"ko": "`up`에게 목표 크기를 알려 주면(`output_size=`) PyTorch가 `output_padding`으로 끝에 줄을 더합니다. 끝쪽에 "
               "0을 패딩해도 결과가 같습니다(이 `up`에는 편향이 없습니다). 그다음 `[업샘플링 결과, skip]` 순서로 채널을 잇습니다.",
         "en": "Tell `up` the target size (`output_size=`) and PyTorch adds the row at the end with "
               "`output_padding`; zero padding at the end gives the same here (this `up` has no bias). Then "
               "concatenate the channels in the order `[upsampled, skip]`."},
        {"ko": "`return torch.cat([up(x, output_size=skip.shape[-2:]), skip], dim=1)`.",
         "en": "`return torch.cat([up(x, output_size=skip.shape[-2:]), skip], dim=1)`."},
    ),
    explanation={"ko": "행이 맞는 방법은 끝쪽에 줄을 더하는 것입니다. 앞쪽에 패딩하면 모든 행이 한 칸씩 어긋납니다.",
                 "en": "Adding the row at the end keeps the rows aligned; padding at the start shifts every row by "
                       "one."},
))

"""Exercises of lesson 06 (U-Net decoder): answers computed with PyTorch, never typed in."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, randn, register_coding, seeded


def _block_layers(up_channels: int) -> list[nn.Module]:
    """The layers of `UNetDecoderBlock(512, 256, 256)` whose upsampler gives `up_channels` channels."""
    with torch.device("meta"):  # shapes only: no memory, and the caller's random state stays untouched
        return [nn.ConvTranspose2d(512, up_channels, 2, stride=2), nn.Conv2d(up_channels + 256, 256, 3, padding=1),
                nn.BatchNorm2d(256), nn.Conv2d(256, 256, 3, padding=1), nn.BatchNorm2d(256)]


def _parameters(layers: list[nn.Module]) -> list[int]:
    return [sum(p.numel() for p in layer.parameters()) for layer in layers]


def _growth_per_layer() -> list[int]:
    return [keep - halve for keep, halve in zip(_parameters(_block_layers(512)), _parameters(_block_layers(256)))]


def _growth_without_halving() -> int:
    return sum(_growth_per_layer())


def _aligned_rows_padding_at_start(side: int = 75) -> int:
    """Rows of a `side`-row skip that still meet their own pooling window after pooling, a copying k2 s2
    transposed convolution and one row of padding at the start (the method of lesson 06, section 2)."""
    rows = torch.arange(float(side)).view(1, 1, side, 1).expand(1, 1, side, side)
    copy_up = nn.ConvTranspose2d(1, 1, 2, stride=2, bias=False)
    with torch.no_grad():
        copy_up.weight.fill_(1.0)
        shifted = F.pad(copy_up(F.max_pool2d(rows, 2)), [1, 0, 1, 0], value=-1)
    source, target = shifted[0, 0, :, side // 2], rows[0, 0, :, side // 2]
    return int((torch.div(source, 2, rounding_mode="floor") == torch.div(target, 2, rounding_mode="floor")).sum())


def _round_trip(side: int) -> int:
    with torch.device("meta"):
        return nn.ConvTranspose2d(1, 1, 2, stride=2)(F.max_pool2d(torch.empty(1, 1, side, side), 2)).shape[-1]


def _no_fix_needed(side: int, levels: int = 4) -> bool:
    for _ in range(levels):
        if _round_trip(side) != side:
            return False
        side //= 2
    return True


def _padded_side(side: int = 500) -> int:
    return next(padded for padded in range(side, 2 * side) if _no_fix_needed(padded))


def _padding_for_four_levels() -> int:
    return _padded_side() - 500


register(Exercise(
    id="06.1",
    expected=_growth_without_halving,
    kind=int,
    nudge={"ko": "채널을 절반으로 줄이지 않으면 블록의 어느 층들이 달라지나요? 업샘플링 층 하나만이 아닙니다.",
           "en": "If the channels are not halved, which layers of the block change? Not only the upsampling layer."},
    hint={"ko": "두 층이 바뀝니다. 전치 합성곱은 출력 채널이 256개 늘고, 이어 붙인 뒤의 채널도 256개 늘어 첫 3×3 "
                "합성곱이 그만큼 더 많은 채널을 받습니다. 각 층을 `C_in·C_out·K² + C_out`으로 세어 차이를 더하세요.",
          "en": "Two layers change: the transposed convolution gains 256 output channels, and so does the "
                "concatenation, which the first 3×3 convolution reads. Count each layer as `C_in·C_out·K² + C_out` "
                "and add the differences."},
    explanation={"ko": f"{_growth_without_halving():,}개 = 전치 합성곱 {_growth_per_layer()[0]:,}개"
                       f" + 첫 합성곱 {_growth_per_layer()[1]:,}개. 채널을 절반으로 줄이면 이어 붙인 뒤에도 "
                       "채널이 `in_ch`로 돌아와 이만큼을 아낍니다.",
                 "en": f"{_growth_without_halving():,} = {_growth_per_layer()[0]:,} (transposed convolution)"
                       f" + {_growth_per_layer()[1]:,} (first convolution). Halving the channels brings the "
                       "concatenation back to `in_ch` channels and saves all of this."},
))

register(Exercise(
    id="06.2",
    expected=_aligned_rows_padding_at_start,
    kind=int,
    nudge={"ko": "2절에서 앞쪽 패딩은 101줄 가운데 50줄만 맞았습니다. 맞은 줄은 어떤 줄들이었나요?",
           "en": "In section 2, padding at the start aligned only 50 of the 101 rows. Which rows were they?"},
    hint={"ko": "앞쪽에 한 줄을 덧붙이면 디코더의 j번째 줄에는 j − 1번째 줄의 값이 옵니다. 풀링 창 {2m, 2m + 1} 안에서 "
                "이렇게 밀려도 같은 창에 머무는 줄은 어느 쪽인가요? 풀링이 버린 마지막 줄도 잊지 마세요.",
          "en": "One row added at the start gives decoder row j the value of row j − 1. Within a pooling window "
                "{2m, 2m + 1}, which row stays in its own window after the shift? Do not forget the last row, which "
                "the pooling dropped."},
    explanation={"ko": f"{_aligned_rows_padding_at_start()}줄 = ⌊75/2⌋. 번호가 홀수인 줄(1, 3, …, 73번)만 제 풀링 창에 "
                       "머물고, 나머지는 덧붙인 0번 줄이거나 한 창씩 어긋납니다. 크기는 맞으니 오류는 나지 않습니다.",
                 "en": f"{_aligned_rows_padding_at_start()} = ⌊75/2⌋. Only the odd-numbered rows (1, 3, …, 73) stay "
                       "in their own pooling window; the rest are the added row 0 or one window off. The sizes match, "
                       "so nothing raises an error."},
))

register(Exercise(
    id="06.3",
    expected=_padding_for_four_levels,
    kind=int,
    nudge={"ko": "네 단계 가운데 어느 단계에서든 홀수 크기를 풀링하면 무슨 일이 생기나요? 500을 네 번 절반으로 나누어 보세요.",
           "en": "What happens when any of the four levels pools an odd size? Try halving 500 four times."},
    hint={"ko": "풀링마다 크기가 절반이 되므로, 네 번 모두 나누어떨어지려면 한 변이 2⁴ = 16의 배수여야 합니다. 500 이상인 "
                "16의 배수 가운데 가장 작은 것은?",
          "en": "Each pooling halves the size; to divide evenly four times the side must be a multiple of 2⁴ = 16. "
                "Which is the smallest such multiple of at least 500?"},
    explanation={"ko": f"{_padding_for_four_levels()}줄. {_padded_side()} = 16 × {_padded_side() // 16}이므로 "
                       f"{_padded_side()} − 500 = {_padding_for_four_levels()}. 모델의 예측 결과는 원래 크기(500×500)로 잘라 냅니다.",
                 "en": f"{_padding_for_four_levels()} rows: {_padded_side()} = 16 × {_padded_side() // 16}, so "
                       f"{_padded_side()} − 500 = {_padding_for_four_levels()}. Crop the model's output back to 500×500."},
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
               "줄이 맞을까요?",
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
    explanation={"ko": "줄이 맞는 방법은 끝쪽에 줄을 더하는 것입니다. 앞쪽에 패딩하면 모든 줄이 한 칸씩 밀려, "
                       "절반가량이 제 풀링 창을 벗어납니다.",
                 "en": "Adding the row at the end keeps the rows aligned; padding at the start shifts every row by "
                       "one, and about half of them leave their own pooling window."},
))

"""Exercises of lesson 10 (interpolation, initialization, frequency view): answers computed with PyTorch."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, register_coding


def _nearest_x3_kernel() -> int:
    x = torch.rand(1, 1, 4, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    target = F.interpolate(x, scale_factor=3, mode="nearest")
    for k in range(1, 7):
        y = F.conv_transpose2d(x, torch.ones(1, 1, k, k, dtype=torch.float64), stride=3)
        if y.shape == target.shape and torch.allclose(y, target, rtol=0, atol=1e-12):
            return k
    raise AssertionError("no kernel size reproduces nearest ×3")


FAN_IN_LAYER = {"c_in": 64, "c_out": 32, "k": 4, "s": 2}


def _default_fan_in() -> int:
    c_in, c_out, k, s = FAN_IN_LAYER.values()
    layer = nn.ConvTranspose2d(c_in, c_out, k, stride=s, padding=1)
    return nn.init._calculate_fan_in_and_fan_out(layer.weight)[0]


def _fan_in_explanation(lang: str) -> str:
    c_in, c_out, k, s = FAN_IN_LAYER.values()
    fan_in, summed, conv_style = _default_fan_in(), c_in * (k // s) ** 2, c_in * k * k
    if lang == "ko":
        return (f"{c_out} · {k}² = {fan_in}입니다. PyTorch는 가중치의 둘째 축인 C_out = {c_out}에서 셉니다. 출력 "
                f"하나에 실제로 더해지는 항은 C_in · (K/S)² = {c_in} · {k // s}² = {summed}개이고, `Conv2d`처럼 "
                f"C_in · K²로 세면 {conv_style:,}입니다. 세 수가 모두 다르므로, fan-in을 어느 채널 수에서 세는지 알아야 "
                f"답을 맞힐 수 있습니다.")
    return (f"{c_out} · {k}² = {fan_in}: PyTorch counts from the weight's second axis, C_out = {c_out}. One output "
            f"really sums C_in · (K/S)² = {c_in} · {k // s}² = {summed} terms, and counting like `Conv2d`, "
            f"C_in · K², gives {conv_style:,}. The three numbers differ, so the answer takes knowing which channel "
            f"count the fan-in comes from.")


register(Exercise(
    id="10.1",
    expected=_nearest_x3_kernel,
    kind=int,
    nudge={"ko": "한 축에서 보면 최근접 이웃 보간 ×3은 입력 하나를 출력의 몇 칸에 복사하나요? 전치 합성곱에서는 "
                 "무엇이 그 축에서 입력 하나가 값을 보태는 출력 칸의 수를 정하나요?",
           "en": "Along one axis, how many outputs is one input copied to in nearest ×3? In a transposed convolution, "
                 "what sets how many outputs along that axis one input adds to?"},
    hint={"ko": "최근접 이웃 보간 ×3은 입력 하나를 3×3 블록에 복사합니다. 커널이 겹치지 않고 빈틈도 없으려면 K와 S가 "
                "어떤 관계여야 할까요?",
          "en": "Nearest ×3 copies each input into a 3×3 block. For copies that neither overlap nor leave gaps, how must "
                "K relate to S?"},
    explanation={"ko": "K = 3입니다. K = S이면 복사본이 겹치지도 비지도 않고, 모두 1인 3×3 커널이 블록을 그대로 채웁니다.",
                 "en": "K = 3. With K = S the copies neither overlap nor leave gaps, and the all-ones 3×3 kernel fills "
                       "each block."},
))

register(Exercise(
    id="10.2",
    expected=_default_fan_in,
    kind=int,
    nudge={"ko": "PyTorch는 fan-in을 출력 하나에 실제로 더해지는 항의 수가 아니라 가중치 텐서의 모양에서 읽습니다. "
                 "`ConvTranspose2d` 가중치의 두 번째 축은 입력 채널일까요, 출력 채널일까요?",
           "en": "PyTorch reads the fan-in off the weight tensor's shape, not from the number of terms one output "
                 "really sums. Is the second axis of a `ConvTranspose2d` weight the input or the output channels?"},
    hint={"ko": "`ConvTranspose2d`의 가중치 모양은 (C_in, C_out/groups, K, K)이고, PyTorch는 fan-in을 "
                "`weight.size(1) · K²`로 계산합니다.",
          "en": "A `ConvTranspose2d` weight has shape (C_in, C_out/groups, K, K), and PyTorch computes the fan-in as "
                "`weight.size(1) · K²`."},
    explanation={"ko": _fan_in_explanation("ko"), "en": _fan_in_explanation("en")},
))


def _bilinear_impulse_response(channels: int, scale: int) -> torch.Tensor:
    """The kernel PyTorch's bilinear ×scale (align_corners=False) spreads one interior input over: the response of
    F.interpolate to a one-hot input, cut where a transposed convolution with stride=scale, padding=scale // 2 and
    kernel size 2·scale − scale % 2 puts that input's kernel copy. (channels, 1, K, K) float64."""
    size, padding = 2 * scale - scale % 2, scale // 2
    one_hot = torch.zeros(1, 1, 7, 7, dtype=torch.float64)
    one_hot[0, 0, 3, 3] = 1.0
    response = F.interpolate(one_hot, scale_factor=scale, mode="bilinear", align_corners=False)[0, 0]
    start = 3 * scale - padding
    kernel = response[start:start + size, start:start + size]
    return kernel.expand(channels, 1, size, size).contiguous()


def _bilinear_kernel_cases() -> list[Case]:
    cases = [Case({"channels": c, "scale": s}, (c, s), _bilinear_impulse_response(c, s))
             for s, c in itertools.product(range(1, 6), range(1, 4))]
    return sorted(cases, key=lambda case: (case.args[1], case.args[0]))


register_coding(CodingExercise(
    id="10.3",
    signature="bilinear_kernel(channels, scale)",
    cases=_bilinear_kernel_cases,
    hints=(
        {"ko": "1절의 [¼, ¾, ¾, ¼]은 배율 2일 때의 탭입니다. 배율이 scale이면 입력 하나가 한 축의 출력 몇 칸에 퍼지고, "
               "그 가중치는 출력 픽셀 중심이 입력에서 멀어질수록 어떻게 줄어드나요?",
         "en": "Section 1's [¼, ¾, ¾, ¼] are the taps for scale 2. At any scale, over how many outputs along an axis "
               "does one input spread, and how does its weight fall as an output centre moves away from it?"},
        {"ko": "한 축의 탭은 삼각형입니다. K = 2·scale − scale % 2, 가운데 c = (K − 1)/2일 때 "
               "t_j = 1 − |j − c| / scale (j = 0, …, K − 1)입니다. 2-D 커널은 `torch.outer(t, t)`이고, 채널마다 같은 "
               "커널을 (channels, 1, K, K)로 쌓습니다(float64).",
         "en": "The taps along one axis form a triangle: with K = 2·scale − scale % 2 and centre c = (K − 1)/2, "
               "t_j = 1 − |j − c| / scale for j = 0, …, K − 1. The 2-D kernel is `torch.outer(t, t)`; stack one copy "
               "per channel as (channels, 1, K, K) (float64)."},
        {"ko": "`k = 2 * scale - scale % 2`; "
               "`t = 1 - (torch.arange(k, dtype=torch.float64) - (k - 1) / 2).abs() / scale`; "
               "`return torch.outer(t, t).expand(channels, 1, k, k).clone()`.",
         "en": "`k = 2 * scale - scale % 2`; "
               "`t = 1 - (torch.arange(k, dtype=torch.float64) - (k - 1) / 2).abs() / scale`; "
               "`return torch.outer(t, t).expand(channels, 1, k, k).clone()`."},
    ),
    explanation={"ko": "기대한 커널은 PyTorch로 구했습니다. 한 픽셀만 1인 입력을 `F.interpolate(..., mode=\"bilinear\")`로 "
                       "키운 응답에서 그 입력의 커널 자리를 잘라 낸 것입니다. d2l 교재의 `bilinear_kernel`과 같은 "
                       "공식이고, FCN은 업샘플링 층을 이 커널로 초기화합니다.",
                 "en": "The expected kernel comes from PyTorch: the response of `F.interpolate(..., mode=\"bilinear\")` "
                       "to an input with a single 1, cut where that input's kernel copy lands. It is the formula of "
                       "the d2l textbook's `bilinear_kernel`, the kernel FCN initializes its upsampling layers with."},
))

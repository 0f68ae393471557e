"""Exercises of lesson 10 (interpolation, initialization, frequency view): answers computed with PyTorch."""

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.exercises import Exercise, register


def _nearest_x3_kernel() -> int:
    x = torch.rand(1, 1, 4, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    target = F.interpolate(x, scale_factor=3, mode="nearest")
    for k in range(1, 7):
        y = F.conv_transpose2d(x, torch.ones(1, 1, k, k, dtype=torch.float64), stride=3)
        if y.shape == target.shape and torch.allclose(y, target, rtol=0, atol=1e-12):
            return k
    raise AssertionError("no kernel size reproduces nearest ×3")


def _default_fan_in() -> int:
    layer = nn.ConvTranspose2d(64, 16, 4, stride=2, padding=1)
    return nn.init._calculate_fan_in_and_fan_out(layer.weight)[0]


register(Exercise(
    id="10.1",
    expected=_nearest_x3_kernel,
    kind=int,
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
    hint={"ko": "`ConvTranspose2d`의 가중치 모양은 (C_in, C_out/groups, K, K)이고, PyTorch는 fan-in을 "
                "`weight.size(1) · K²`로 계산합니다.",
          "en": "A `ConvTranspose2d` weight has shape (C_in, C_out/groups, K, K), and PyTorch computes the fan-in as "
                "`weight.size(1) · K²`."},
    explanation={"ko": "16 · 4² = 256입니다. 출력 하나에 실제로 더해지는 항은 C_in · (K/S)² = 64 · 4 = 256개라 이 층에서는 "
                       "우연히 같습니다. C_in이 C_out의 4배이고 K² = 4(K/S)²이기 때문입니다.",
                 "en": "16 · 4² = 256. One output really sums C_in · (K/S)² = 64 · 4 = 256 terms, equal here by "
                       "coincidence: C_in is 4 times C_out and K² = 4(K/S)²."},
))

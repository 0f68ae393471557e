"""Exercises of lesson 09 (super-resolution lab): answers computed with PyTorch, never typed in, no training."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.arithmetic import conv_transpose_output_size
from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, randn, register_coding, seeded
from course_utils.metrics import checkerboard_strength

WIDTH = 16  # the lesson's feature channels before the upsampler


def _k3_side_without_output_padding() -> int:
    return conv_transpose_output_size(16, 3, stride=2, padding=1)


def _k5_padding_for_exact_double() -> int:
    return next(p for p in range(5) if conv_transpose_output_size(16, 5, 2, p, output_padding=1) == 32)


def _sub_pixel_over_resize_parameters() -> int:
    sub_pixel = sum(p.numel() for p in nn.Conv2d(WIDTH, 4, 3, padding=1).parameters())
    resize = sum(p.numel() for p in nn.Conv2d(WIDTH, 1, 3, padding=1).parameters())
    if sub_pixel % resize:
        raise ArithmeticError(f"{sub_pixel} is not a multiple of {resize}")
    return sub_pixel // resize


def _equal_weight_upsamplers_with_pattern() -> int:
    """Every weight 1 and every bias 0: which of the six upsamplers still answer a flat input with a pattern?"""
    upsamplers = [
        nn.ConvTranspose2d(WIDTH, 1, 4, stride=2, padding=1),
        nn.ConvTranspose2d(WIDTH, 1, 3, stride=2, padding=1, output_padding=1),
        nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(WIDTH, 1, 3, padding=1)),
        nn.Sequential(nn.Upsample(scale_factor=2, mode="bilinear"), nn.Conv2d(WIDTH, 1, 3, padding=1)),
        nn.Sequential(nn.Conv2d(WIDTH, 4, 3, padding=1), nn.PixelShuffle(2)),  # default init
        nn.Sequential(nn.Conv2d(WIDTH, 4, 3, padding=1), nn.PixelShuffle(2)),  # ICNR: identical copies anyway
    ]
    flat = torch.ones(1, WIDTH, 12, 12)
    with torch.no_grad():
        for layer in upsamplers:
            for name, parameter in layer.named_parameters():
                parameter.fill_(1.0 if name.endswith("weight") else 0.0)
        return sum(checkerboard_strength(layer(flat)) > 1e-6 for layer in upsamplers)


register(Exercise(
    id="09.1",
    expected=_k3_side_without_output_padding,
    kind=int,
    nudge={"ko": "커널 3, 스트라이드 2, 패딩 1에서 (I − 1)·S − 2P + K는 2I와 얼마나 차이 날까요?",
           "en": "With kernel 3, stride 2 and padding 1, how far is (I − 1)·S − 2P + K from 2I?"},
    hint={"ko": "O = (I − 1)·S − 2P + K + P_out입니다. I = 16, K = 3, S = 2, P = 1, P_out = 0을 넣어 보세요.",
          "en": "O = (I − 1)·S − 2P + K + P_out. Put in I = 16, K = 3, S = 2, P = 1, P_out = 0."},
    explanation={"ko": "15·2 − 2 + 3 = 31입니다. 정답 32보다 한 칸 모자라서, 레슨의 모델은 output_padding=1로 마지막 "
                       "행과 열을 채웁니다.",
                 "en": "15·2 − 2 + 3 = 31, one short of the target 32, so the lesson's model adds the last row and "
                       "column with output_padding=1."},
))

register(Exercise(
    id="09.2",
    expected=_k5_padding_for_exact_double,
    kind=int,
    nudge={"ko": "패딩을 1 늘리면 출력은 몇 칸 줄어들까요? 패딩 0일 때의 출력에서 시작해 보세요.",
           "en": "By how many cells does raising the padding by 1 shrink the output? Start from the output at padding 0."},
    hint={"ko": "output_padding=1이면 O = 15·2 − 2P + 5 + 1 = 36 − 2P입니다. 32가 되는 P를 찾으세요.",
          "en": "With output_padding=1, O = 15·2 − 2P + 5 + 1 = 36 − 2P. Find the P that gives 32."},
    explanation={"ko": "P = 2입니다. 그래도 K = 5는 S = 2로 나누어떨어지지 않아서 안쪽 겹침 수가 2와 3으로 번갈아 "
                       "나오는 불균일한 겹침입니다(레슨 04).",
                 "en": "P = 2. K = 5 is still not divisible by S = 2, so the interior overlap alternates between 2 "
                       "and 3: uneven (lesson 04)."},
))

register(Exercise(
    id="09.3",
    expected=_sub_pixel_over_resize_parameters,
    kind=int,
    nudge={"ko": "두 업샘플러의 합성곱은 입력 채널과 커널 크기가 같습니다. 무엇이 다를까요?",
           "en": "Both upsamplers' convolutions have the same input channels and kernel size. What differs?"},
    hint={"ko": "두 업샘플러 모두 16채널을 받는 3×3 합성곱입니다. 출력 채널이 픽셀 셔플은 2² = 4개, 보간 + 합성곱은 "
                "1개입니다. 가중치와 편향을 모두 세세요.",
          "en": "Both upsamplers are 3×3 convolutions on 16 channels. The pixel shuffle's has 2² = 4 output "
                "channels, the interpolation + convolution's has 1. Count weights and biases."},
    explanation={"ko": "4배입니다: 16·4·9 + 4 = 580개와 16·9 + 1 = 145개. 그런데도 곱셈-덧셈 수는 같습니다. 보간 + "
                       "합성곱은 1채널 합성곱을 4배 많은 픽셀에서 하기 때문입니다(레슨 05).",
                 "en": "4 times: 16·4·9 + 4 = 580 against 16·9 + 1 = 145. Their multiply-adds are still equal, "
                       "because the interpolation + convolution runs its 1-channel convolution on 4 times as many "
                       "pixels (lesson 05)."},
))

register(Exercise(
    id="09.4",
    expected=_equal_weight_upsamplers_with_pattern,
    kind=int,
    nudge={"ko": "가중치가 모두 같고 입력이 평평하면, 한 출력 픽셀의 값은 무엇에만 달려 있을까요?",
           "en": "With equal weights and a flat input, what alone decides the value of an output pixel?"},
    hint={"ko": "가중치가 모두 같으면 위상마다 다른 것은 그 위상에 닿는 탭의 개수뿐입니다. 여섯 업샘플러 가운데 "
                "안쪽에서 불균일하게 겹치는 것이 몇 개인지 세어 보세요.",
          "en": "With all weights equal, the only thing that can differ between phases is how many taps reach "
                "them. Count the upsamplers among the six whose interior overlap is uneven."},
    explanation={"ko": "1개, ConvT k3s2뿐입니다. ConvT k4s2p1과 두 픽셀 셔플의 무늬는 위상마다 다른 가중치에서만 "
                       "생기므로 학습이 줄일 수도 키울 수도 있습니다. 보간 + 합성곱 두 가지는 가중치가 무엇이든 "
                       "평평한 입력에 무늬를 만들 수 없습니다.",
                 "en": "1: ConvT k3s2 alone. The patterns of ConvT k4s2p1 and of the two pixel shuffles come only "
                       "from weights that differ between phases, which training can shrink or grow. The two "
                       "interpolation + convolution upsamplers cannot put a pattern on a flat input, whatever "
                       "their weights."},
))


def _psnr_cases() -> list[Case]:
    generator = seeded(905)
    cases = []
    for n, c, side in itertools.product((1, 2, 3), (1, 3), (1, 2, 4, 8)):
        target = torch.rand(n, c, side, side, generator=generator, dtype=torch.float64)
        prediction = target + 0.1 * randn(generator, n, c, side, side)
        mse = F.mse_loss(prediction, target, reduction="none").flatten(1).mean(dim=1)
        cases.append(Case({"prediction": prediction, "target": target}, (prediction, target),
                          10 * torch.log10(1 / mse)))
    return sorted(cases, key=lambda case: (case.args[0].numel(), tuple(case.args[0].shape)))


register_coding(CodingExercise(
    id="09.5",
    signature="psnr(prediction, target)",
    cases=_psnr_cases,
    hints=(
        {"ko": "PSNR은 이미지마다 하나씩입니다. 배치 N장이면 결과도 N개입니다.",
         "en": "PSNR is one number per image: a batch of N images gives N numbers."},
        {"ko": "이미지마다 제곱 오차의 평균(MSE)을 구하고(채널·세로·가로 축 평균), 값의 범위가 [0, 1]이므로 "
               "10·log10(1 / MSE)입니다.",
         "en": "Take the mean squared error per image (over channels, rows and columns); with values in [0, 1] "
               "the PSNR is 10·log10(1 / MSE)."},
        {"ko": "`mse = ((prediction - target) ** 2).flatten(1).mean(dim=1)`; `return 10 * torch.log10(1 / mse)`.",
         "en": "`mse = ((prediction - target) ** 2).flatten(1).mean(dim=1)`; `return 10 * torch.log10(1 / mse)`."},
    ),
    explanation={"ko": "기대한 값은 `F.mse_loss(..., reduction=\"none\")`로 구한 이미지별 MSE에서 계산했습니다. 배치 "
                       "전체의 MSE로 한 번만 계산하면 이미지별 PSNR의 평균과 다른 값이 나옵니다.",
                 "en": "The expected values come from per-image MSEs computed with `F.mse_loss(..., "
                       "reduction=\"none\")`. One PSNR from the MSE of the whole batch differs from the mean of the "
                       "per-image PSNRs."},
))

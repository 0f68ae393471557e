"""Exercises of lesson 07 (DCGAN generator): answers computed with PyTorch, never typed in."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.arithmetic import conv_transpose_output_size
from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, NotAModule, register_coding, seeded


def _parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def _paper_first_layer_counts() -> tuple[int, int]:
    """(Linear(100, 1024·16) with a bias per output, ConvTranspose2d(100, 1024, 4, 1, 0)) parameter counts."""
    with torch.device("meta"):  # shapes only: no memory, and the caller's random state stays untouched
        return _parameters(nn.Linear(100, 1024 * 4 * 4)), _parameters(nn.ConvTranspose2d(100, 1024, 4, 1, 0))


def _paper_first_layer_as_linear() -> int:
    return _paper_first_layer_counts()[0]


def _kernel5_side() -> int:
    return conv_transpose_output_size(4, kernel_size=5, stride=2, padding=2)


def _k3_sides() -> list[int]:
    sides = [4]
    for _ in range(4):
        sides.append(conv_transpose_output_size(sides[-1], kernel_size=3, stride=2, padding=1))
    return sides


def _k3_final_side() -> int:
    return _k3_sides()[-1]


def _discriminator_with_bias_counts() -> list[int]:
    """Parameters per layer of lesson 07's small discriminator with a bias on its second convolution too."""
    with torch.device("meta"):
        layers = [nn.Conv2d(1, 32, 4, 2, 1), nn.Conv2d(32, 64, 4, 2, 1), nn.BatchNorm2d(64),
                  nn.Conv2d(64, 1, 4, 1, 0)]
    return [_parameters(layer) for layer in layers]


def _discriminator_with_bias_parameters() -> int:
    return sum(_discriminator_with_bias_counts())


def _discriminator_sum() -> str:
    return " + ".join(f"{count:,}" for count in _discriminator_with_bias_counts())


register(Exercise(
    id="07.1",
    expected=_paper_first_layer_as_linear,
    kind=int,
    nudge={"ko": "2절에서 전치 합성곱의 가중치를 펴면 `Linear` 층의 가중치가 되었습니다. 그 `Linear` 층의 입력과 출력은 "
                 "각각 몇 개인가요?",
           "en": "In section 2 the flattened transposed-convolution weight became the `Linear` layer's weight. How many "
                 "inputs and outputs does that `Linear` layer have?"},
    hint={"ko": "`Linear(100, 1024·4·4)`입니다. 가중치는 입력 수 × 출력 수만큼, 편향은 출력마다 하나입니다.",
          "en": "It is `Linear(100, 1024·4·4)`: inputs × outputs weights, and one bias per output."},
    explanation={"ko": f"100·16,384 + 16,384 = {_paper_first_layer_counts()[0]}. 전치 합성곱은 편향이 채널마다 "
                       f"하나라서 {_paper_first_layer_counts()[1]:,}개입니다.",
                 "en": f"100·16,384 + 16,384 = {_paper_first_layer_counts()[0]}. The transposed convolution, with "
                       f"one bias per channel, has {_paper_first_layer_counts()[1]:,}."},
))

register(Exercise(
    id="07.2",
    expected=_kernel5_side,
    kind=int,
    nudge={"ko": "K = 5, P = 2이면 공식의 어느 항이 4/2/1일 때와 달라질까요?",
           "en": "With K = 5 and P = 2, which term of the formula differs from the 4/2/1 case?"},
    hint={"ko": "O = (I − 1)·S − 2P + K에 I=4, S=2, P=2, K=5를 넣으세요.",
          "en": "Put I=4, S=2, P=2, K=5 into O = (I − 1)·S − 2P + K."},
    explanation={"ko": f"(4 − 1)·2 − 4 + 5 = {_kernel5_side()}. 정확히 8을 만들려면 output_padding=1이 필요합니다.",
                 "en": f"(4 − 1)·2 − 4 + 5 = {_kernel5_side()}; making exactly 8 takes output_padding=1."},
))

register(Exercise(
    id="07.3",
    expected=_k3_final_side,
    kind=int,
    nudge={"ko": "한 층이 I를 정확히 2I로 만들려면 K − 2P가 얼마여야 했나요? 커널 3, 패딩 1이면 무엇이 달라질까요?",
           "en": "What did K − 2P have to be for one layer to turn I into exactly 2I? What changes with kernel 3 and padding 1?"},
    hint={"ko": "레슨 03의 공식 O = (I − 1)·S − 2P + K에 K=3, S=2, P=1을 넣으면 한 층이 I를 얼마로 만드나요?",
          "en": "Put K=3, S=2, P=1 into lesson 03's O = (I − 1)·S − 2P + K: what does one layer make of I?"},
    explanation={"ko": f"한 층이 I를 2I − 1로 만들어 한 칸씩 모자랍니다: {' → '.join(map(str, _k3_sides()))}. "
                       "64를 만들려면 층마다 `output_padding=1`이 필요합니다.",
                 "en": f"Each layer makes I into 2I − 1, one short: {' → '.join(map(str, _k3_sides()))}. "
                       "Reaching 64 takes `output_padding=1` in every layer."},
))

register(Exercise(
    id="07.4",
    expected=_discriminator_with_bias_parameters,
    kind=int,
    nudge={"ko": "판별자의 층을 하나씩 보세요. 파라미터가 있는 층은 어느 것이고, 편향은 몇 개씩 있나요?",
           "en": "Go through the discriminator layer by layer. Which layers have parameters, and how many biases does each have?"},
    hint={"ko": "합성곱은 out·in·k·k + out(편향), 배치 정규화는 채널마다 2개입니다. 편향을 되살린 두 번째 합성곱은 "
                "출력 채널 64개만큼 늘어납니다.",
          "en": "A convolution has out·in·k·k + out (biases); batch normalization has 2 per channel. With its bias back, "
                "the second convolution gains one per output channel, 64."},
    explanation={"ko": f"{_discriminator_sum()} = {_discriminator_with_bias_parameters()}. 편향이 없는 원래 판별자보다 "
                       "64개 많고, 줄인 생성자의 절반쯤입니다.",
                 "en": f"{_discriminator_sum()} = {_discriminator_with_bias_parameters()}: 64 more than the "
                       "discriminator without that bias, about half the scaled-down generator."},
))


def _generator_cases() -> list[Case]:
    generator = seeded(705)
    cases = []
    for size, z_dim, channels in itertools.product((4, 8, 16, 32), (1, 3), (1, 3)):
        z = torch.randn(2, z_dim, 1, 1, generator=generator)
        side = 1
        for k, s, p in [(4, 1, 0)] + [(4, 2, 1)] * ((size // 4).bit_length() - 1):
            side = F.conv_transpose2d(torch.zeros(1, 1, side, side), torch.zeros(1, 1, k, k), stride=s,
                                      padding=p).shape[-1]
        cases.append(Case({"z_dim": z_dim, "channels": channels, "size": size, "z": z}, (z_dim, channels, size, z),
                          torch.Size((2, channels, side, side))))
    return cases


def _run_generator(submission, args):
    z_dim, channels, size, z = args
    model = submission(z_dim, channels, size)
    if not isinstance(model, nn.Module):
        raise NotAModule(model)
    return model.eval()(z)


register_coding(CodingExercise(
    id="07.5",
    signature="generator(z_dim, channels, size)",
    cases=_generator_cases,
    compare="shape",
    call=_run_generator,
    hints=(
        {"ko": "1×1 잡음을 4×4로 만드는 층 하나, 그다음 한 변을 두 배로 만드는 층을 필요한 만큼 쌓습니다.",
         "en": "One layer takes the 1×1 noise to 4×4; then stack as many side-doubling layers as needed."},
        {"ko": "`ConvTranspose2d(z_dim, c, 4, 1, 0)`은 1 → 4, `ConvTranspose2d(c, c, 4, 2, 1)`은 한 변을 두 배로 만듭니다. "
               "두 배 층은 log2(size / 4)개이고, 마지막 층이 `channels`개 채널을 냅니다.",
         "en": "`ConvTranspose2d(z_dim, c, 4, 1, 0)` maps 1 → 4 and `ConvTranspose2d(c, c, 4, 2, 1)` doubles the side. "
               "You need log2(size / 4) doubling layers, and the last layer outputs `channels` channels."},
        {"ko": "`widths = [8] * ((size // 4).bit_length() - 1) + [channels]`; 첫 층 `nn.ConvTranspose2d(z_dim, widths[0], "
               "4, 1, 0)`; 이웃한 두 폭마다 `nn.BatchNorm2d`, `nn.ReLU`, `nn.ConvTranspose2d(a, b, 4, 2, 1)`; "
               "끝에 `nn.Tanh()`; `nn.Sequential`로 묶어 돌려줍니다.",
         "en": "`widths = [8] * ((size // 4).bit_length() - 1) + [channels]`; first layer `nn.ConvTranspose2d(z_dim, "
               "widths[0], 4, 1, 0)`; for each pair of neighbouring widths `nn.BatchNorm2d`, `nn.ReLU`, "
               "`nn.ConvTranspose2d(a, b, 4, 2, 1)`; `nn.Tanh()` last; return them in an `nn.Sequential`."},
    ),
    explanation={"ko": "기대한 크기는 같은 설정의 `nn.ConvTranspose2d`를 차례로 적용해 얻었습니다. 문서의 생성자는 "
                       "size = 64, channels = 3인 경우입니다.",
                 "en": "The expected sizes come from applying `nn.ConvTranspose2d` layers with these settings in "
                       "turn. The document's generator is the case size = 64, channels = 3."},
))

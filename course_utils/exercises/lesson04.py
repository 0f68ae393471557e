"""Exercises of lesson 04 (checkerboard artifacts): answers computed with PyTorch, never typed in."""

import itertools

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.arithmetic import overlap_map
from course_utils.exercises import Exercise, register
from course_utils.exercises.coding import Case, CodingExercise, register_coding, seeded
from course_utils.overlap import interior_range, interior_values


def _kernel_7_interior_max() -> int:
    counts = overlap_map(8, 7, 2, 3)
    inside = interior_range(8, 7, 2, 3)
    return int(counts[inside.start:inside.stop, inside.start:inside.stop].max())


def _even_kernel_for_stride_3() -> int:
    return next(k for k in range(5, 20) if len(interior_values(8, k, 3)) == 1)


def _wrong_icnr_kernels_in_channel_0() -> int:
    base = torch.randn(2, 1, 3, 3, generator=torch.Generator().manual_seed(0))
    wrong = base.repeat(4, 1, 1, 1)
    # PixelShuffle(2) builds output channel 0 from convolution channels 0, 1, 2, 3
    return len({tuple(wrong[c].flatten().tolist()) for c in range(4)})


def _gradient_interior_values() -> int:
    conv = nn.Conv2d(1, 1, 3, stride=2, bias=False)
    with torch.no_grad():
        conv.weight.fill_(1.0)
    with torch.enable_grad():  # lessons switch autograd off globally
        x = torch.zeros(1, 1, 17, 17, requires_grad=True)
        conv(x).sum().backward()
    return len(x.grad[0, 0, 2:-2, 2:-2].unique())


register(Exercise(
    id="04.1",
    expected=_kernel_7_interior_max,
    kind=int,
    nudge={"ko": "1-D 안쪽에서는 K=7, S=2일 때 어떤 겹침 수들이 번갈아 나올까요? 2-D 값은 그 수들로 어떻게 만들어지나요?",
           "en": "Which overlap counts alternate in the 1-D interior for K=7, S=2? How are 2-D values made from them?"},
    hint={"ko": "1-D 안쪽 값을 먼저 구하고(K=7, S=2), 2-D 값은 행과 열의 1-D 값의 곱이라는 점을 이용하세요. "
                "`overlap_map`과 `interior_range`로 확인할 수 있습니다.",
          "en": "Find the 1-D interior values first (K=7, S=2); a 2-D value is the product of a row's and a column's "
                "1-D values. `overlap_map` and `interior_range` confirm it."},
    explanation={"ko": "1-D 안쪽 값은 3과 4이므로 2-D에서 가장 큰 값은 4 × 4 = 16, 가장 작은 값은 3 × 3 = 9입니다. "
                       "커널을 5에서 7로 키워도 K가 S로 나누어떨어지지 않으니 안쪽 겹침은 여전히 불균일합니다.",
                 "en": "The 1-D interior values are 3 and 4, so the largest 2-D value is 4 × 4 = 16 and the smallest "
                       "3 × 3 = 9. Growing the kernel from 5 to 7 leaves the interior overlap uneven: S still does not "
                       "divide K."},
))

register(Exercise(
    id="04.2",
    expected=_even_kernel_for_stride_3,
    kind=int,
    nudge={"ko": "안쪽이 균일하게 겹치려면 K와 S 사이에 어떤 관계가 있어야 했나요?",
           "en": "What relation between K and S made the interior overlap even?"},
    hint={"ko": "안쪽이 균일하게 겹치려면 K가 S로 나누어떨어져야 합니다. 5 이상인 K 가운데 가장 작은 3의 배수를 찾으세요.",
          "en": "The interior is even when S divides K. Look for the smallest multiple of 3 that is at least 5."},
    explanation={"ko": "K = 6입니다. 안쪽의 모든 칸에 1-D에서 6 / 3 = 2개의 입력이 더해집니다.",
                 "en": "K = 6: every interior pixel sums 6 / 3 = 2 inputs in 1-D."},
))

register(Exercise(
    id="04.3",
    expected=_wrong_icnr_kernels_in_channel_0,
    kind=int,
    nudge={"ko": "`.repeat`와 `repeat_interleave`는 복사본을 늘어놓는 순서가 어떻게 다를까요?",
           "en": "How do `.repeat` and `repeat_interleave` differ in the order they lay out the copies?"},
    hint={"ko": "PixelShuffle(2)는 출력 채널 0을 합성곱 채널 0, 1, 2, 3으로 만듭니다. "
                "`.repeat(4, 1, 1, 1)` 뒤에 이 네 채널에 어떤 기본 커널이 들어가는지 적어 보세요.",
          "en": "PixelShuffle(2) builds output channel 0 from convolution channels 0, 1, 2 and 3. Write down which "
                "base kernel `.repeat(4, 1, 1, 1)` puts in each of those four channels."},
    explanation={"ko": "2개입니다. `.repeat`는 기본 커널 0, 1, 0, 1 순서로 채우므로 네 위상이 서로 다른 두 커널을 번갈아 "
                       "씁니다. `repeat_interleave`라면 네 채널이 모두 기본 커널 0이라 1개입니다.",
                 "en": "2. `.repeat` fills them with base kernels 0, 1, 0, 1, so the four phases alternate between two "
                       "different kernels. `repeat_interleave` would give base kernel 0 four times: 1 kernel."},
))

register(Exercise(
    id="04.4",
    expected=_gradient_interior_values,
    kind=int,
    nudge={"ko": "합성곱의 입력 기울기는 같은 설정의 전치 합성곱입니다(레슨 02의 5절). "
                 "출력 기울기가 모두 1이면 무엇이 나오나요?",
           "en": "A convolution's input gradient is the transposed convolution with the same settings (lesson 02, "
                 "section 5). What comes out when every output gradient is 1?"},
    hint={"ko": "`loss = y.sum()`의 입력 기울기는 모두 1인 출력 기울기를 전치 합성곱한 것, 곧 겹침 지도입니다.",
          "en": "The input gradient of `loss = y.sum()` is the transposed convolution of an all-ones output "
                "gradient: an overlap map."},
    explanation={"ko": "3가지입니다. 경계를 뺀 안쪽의 기울기 값은 1, 2, 4이고, K=3, S=2 전치 합성곱의 겹침 지도와 같습니다.",
                 "en": "3: away from the border the gradient takes the values 1, 2 and 4, the overlap map of a "
                       "K=3, S=2 transposed convolution."},
))


def _overlap_cases() -> list[Case]:
    names = ("input_size", "kernel_size", "stride", "padding")
    cases = []
    for values in itertools.product(range(1, 6), range(1, 6), range(1, 4), range(3)):
        n, k, s, p = values
        if (n - 1) * s + k - 2 * p < 1:
            continue
        ones = torch.ones(1, 1, n, dtype=torch.float64)
        expected = F.conv_transpose1d(ones, torch.ones(1, 1, k, dtype=torch.float64), stride=s, padding=p)[0, 0]
        cases.append(Case(dict(zip(names, values)), values, expected))
    return sorted(cases, key=lambda case: (sum(case.args), case.args))


register_coding(CodingExercise(
    id="04.5",
    signature="overlap_counts(input_size, kernel_size, stride, padding)",
    cases=_overlap_cases,
    exact_dtype=False,
    hints=(
        {"ko": "1-D 흩뿌려 더하기를 떠올리세요. 입력 i의 커널 사본은 어느 칸부터 몇 칸을 덮나요?",
         "en": "Think of 1-D scatter-add. Where does the kernel copy of input i start, and how many cells does it "
               "cover?"},
        {"ko": "패딩 전 길이 (I − 1)·S + K의 0 벡터에서, 입력마다 `i·S`부터 K칸에 1을 더합니다. 패딩 P는 양 끝에서 "
               "P칸씩 잘라 냅니다.",
         "en": "In a zero vector of the unpadded length (I − 1)·S + K, add 1 to the K cells starting at `i·S` for "
               "every input i. Padding P cuts P cells off each end."},
        {"ko": "`full = torch.zeros((input_size - 1) * stride + kernel_size)`; 각 i마다 "
               "`full[i * stride:i * stride + kernel_size] += 1`; `return full[padding:full.numel() - padding]`.",
         "en": "`full = torch.zeros((input_size - 1) * stride + kernel_size)`; for each i "
               "`full[i * stride:i * stride + kernel_size] += 1`; `return full[padding:full.numel() - padding]`."},
    ),
    explanation={"ko": "겹침 수는 모든 값이 1인 입력과 커널의 전치 합성곱과 같습니다. K가 S로 나누어떨어지지 않으면 "
                       "안쪽 값이 번갈아 바뀌고, 그것이 체커보드의 첫째 원인입니다.",
                 "en": "The overlap counts equal the transposed convolution of an all-ones input with an all-ones "
                       "kernel. When S does not divide K the interior values alternate: the first cause of the "
                       "checkerboard."},
))

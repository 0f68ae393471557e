"""The course review (lessons 01–07): quiz questions whose right answers are decided by running PyTorch."""

import torch
from torch import nn
from torch.nn import functional as F

from course_utils.arithmetic import conv_output_size, conv_transpose_output_size, overlap_counts_1d
from course_utils.claims import close
from course_utils.widgets.quiz import Question

__all__ = ["QUESTIONS", "parameter_counts_05", "aligned_rows_06"]


def _isolated(compute):
    """Run compute without touching the caller's random number generator or gradient mode."""
    def run(*args):
        with torch.random.fork_rng(devices=[]), torch.enable_grad():
            return compute(*args)
    return run


def _index_of_true(claims: list[bool]) -> int:
    """The position of the one claim that holds (a question with two true claims is a broken question)."""
    if sum(claims) != 1:
        raise ValueError(f"exactly one claim must hold, got {claims}")
    return claims.index(True)


@_isolated
def _bilinear_parameters() -> int:
    return sum(p.numel() for p in nn.Upsample(scale_factor=2, mode="bilinear").parameters())


@_isolated
def _transpose_claims() -> list[bool]:
    torch.manual_seed(0)
    f64 = dict(dtype=torch.float64)
    x, w = torch.randn(1, 1, 6, 6, requires_grad=True, **f64), torch.randn(1, 1, 3, 3, **f64)
    y = torch.randn(1, 1, 4, 4, **f64)
    (gradient,) = torch.autograd.grad((F.conv2d(x, w) * y).sum(), x)
    transposed = F.conv_transpose2d(y, w)
    restores = F.conv_transpose2d(F.conv2d(x, w), w)
    same_conv = F.conv2d(y, w, padding=1)
    return [restores.shape == x.shape and close(restores, x.detach()),
            close(transposed, gradient),
            same_conv.shape == transposed.shape and close(same_conv, transposed)]


def _output_padding_claims() -> list[bool]:
    shrink_to_same = conv_output_size(13, 3, 2, 1) == conv_output_size(14, 3, 2, 1)
    even_kernel_always = conv_transpose_output_size(7, 4, 2, 1) != 2 * 7
    zero_padding_needs_it = conv_transpose_output_size(7, 2, 2, 0) != 2 * 7
    return [shrink_to_same, even_kernel_always, zero_padding_needs_it]


def _uneven(kernel_size: int, stride: int) -> bool:
    counts = overlap_counts_1d(16, kernel_size, stride)
    inside = counts[kernel_size:-kernel_size]
    return len(set(inside.tolist())) > 1


@_isolated
def parameter_counts_05() -> list[int]:
    """Parameters of the document's three 256 → 128, ×2 upsamplers (lesson 05), in the document's order."""
    methods = [nn.ConvTranspose2d(256, 128, 4, stride=2, padding=1),
               nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(256, 128, 3, padding=1)),
               nn.Sequential(nn.Conv2d(256, 128 * 4, 3, padding=1), nn.PixelShuffle(2))]
    return [sum(p.numel() for p in m.parameters()) for m in methods]


@_isolated
def aligned_rows_06() -> list[tuple[int, int]]:
    """(output rows, rows aligned with the skip) for output_size=, padding at the start, cropping (lesson 06)."""
    rows = torch.arange(101.0).view(1, 1, 101, 1).expand(1, 1, 101, 8)
    up = nn.ConvTranspose2d(1, 1, 2, stride=2, bias=False)
    nn.init.ones_(up.weight)
    with torch.no_grad():
        pooled = F.max_pool2d(rows, 2)
        results = [(up(pooled, output_size=(101, 8)), rows),
                   (F.pad(up(pooled), [0, 0, 1, 0], value=-1), rows),
                   (up(pooled), rows[:, :, :100])]
    out = []
    for decoded, skip in results:
        source, target = decoded[0, 0, :, 0], skip[0, 0, :, 0]
        same_window = source.div(2, rounding_mode="floor") == target.div(2, rounding_mode="floor")
        out.append((len(target), int(same_window.sum())))
    return out


def _alignment_claims() -> list[bool]:
    return [(size, aligned) == (101, 100) for size, aligned in aligned_rows_06()]


@_isolated
def _first_layer_claims() -> list[bool]:
    torch.manual_seed(0)
    first, z = nn.ConvTranspose2d(100, 512, 4, 1, 0).double(), torch.randn(2, 100, dtype=torch.float64)
    linear = nn.Linear(100, 512 * 16).double()
    with torch.no_grad():
        linear.weight.copy_(first.weight.reshape(100, -1).T)
        linear.bias.copy_(first.bias.repeat_interleave(16))
        as_conv = first(z.view(2, 100, 1, 1))
        as_linear = linear(z).view(2, 512, 4, 4)
        nearest = F.interpolate(z.view(2, 100, 1, 1), scale_factor=4)
        one_by_one = nn.Conv2d(100, 512, 1).double()(z.view(2, 100, 1, 1))
    return [close(as_conv, as_linear),
            nearest.shape == as_conv.shape,
            one_by_one.shape == as_conv.shape]


@_isolated
def _checkerboard_claims() -> list[bool]:
    torch.manual_seed(0)
    layer = nn.ConvTranspose2d(1, 1, 4, stride=2, padding=1, bias=False).double()
    with torch.no_grad():
        flat = layer(torch.ones(1, 1, 16, 16, dtype=torch.float64))[0, 0, 4:-4, 4:-4]
        tanh_flat = torch.tanh(torch.full((8, 8), 0.3))
    w = layer.weight[0, 0]
    sums = [w[a::2, b::2].sum().item() for a in (0, 1) for b in (0, 1)]
    phases = sorted(flat[a, b].item() for a in (0, 1) for b in (0, 1))
    return [_uneven(4, 2),
            len({round(s, 5) for s in sums}) > 1 and close(torch.tensor(sorted(sums), dtype=torch.float64),
                                                           torch.tensor(phases, dtype=torch.float64)),
            tanh_flat.unique().numel() > 1]


def _q(id, lesson, ko, en, choices, answer, hint, explanation) -> Question:
    return Question(id, lesson, {"ko": ko, "en": en}, tuple(choices), answer, hint, explanation)


def _c(ko, en=None) -> dict[str, str]:
    return {"ko": ko, "en": ko if en is None else en}


QUESTIONS = (
    _q("q1", "01",
       "`nn.Upsample(scale_factor=2, mode=\"bilinear\")`의 학습 가능한 파라미터는 몇 개일까요?",
       "How many learnable parameters does `nn.Upsample(scale_factor=2, mode=\"bilinear\")` have?",
       [_c("9"), _c("0"), _c("4")],
       lambda: ["9", "0", "4"].index(str(_bilinear_parameters())),
       {"ko": "보간은 정해진 규칙입니다. 무엇을 학습할까요?", "en": "Interpolation is a fixed rule. What would it learn?"},
       {"ko": "0개입니다. 보간은 학습하지 않으며, 전치 합성곱은 최근접 이웃 보간을 가중치의 한 경우로 포함합니다.",
        "en": "0. Interpolation learns nothing; a transposed convolution contains nearest-neighbour interpolation as one setting of its weights."}),
    _q("q2", "02",
       "`F.conv_transpose2d(y, w)`는 `F.conv2d(x, w)`와 어떤 관계일까요?",
       "How is `F.conv_transpose2d(y, w)` related to `F.conv2d(x, w)`?",
       [_c("역연산이다: `conv2d`의 출력을 넣으면 x가 복원된다",
           "It is the inverse: feeding it the output of `conv2d` restores x"),
        _c("x에 대한 기울기다: `(conv2d(x, w) * y).sum()`을 x로 미분한 값과 같다",
           "It is the gradient with respect to x: it equals the derivative of `(conv2d(x, w) * y).sum()` by x"),
        _c("같은 커널로 y에 padding=1 합성곱을 한 것이다",
           "It is a convolution of y with the same kernel and padding=1")],
       lambda: _index_of_true(_transpose_claims()),
       {"ko": "합성곱을 행렬 C로 쓰면 전치 합성곱은 Cᵀ입니다. 역행렬이 아닙니다.",
        "en": "Write the convolution as a matrix C: the transposed convolution is Cᵀ, not an inverse."},
       {"ko": "Cᵀy는 합성곱의 역전파(입력에 대한 기울기)이고, CᵀC는 단위 행렬이 아니어서 값을 복원하지 못합니다.",
        "en": "Cᵀy is the convolution's backward pass (the gradient with respect to its input); CᵀC is not the "
              "identity, so it does not restore values."}),
    _q("q3", "03",
       "`ConvTranspose2d(kernel_size=3, stride=2, padding=1)`에 7×7을 넣으면 출력의 한 변은?",
       "`ConvTranspose2d(kernel_size=3, stride=2, padding=1)` receives 7×7. What is the output side?",
       [_c("14"), _c("15"), _c("13")],
       lambda: ["14", "15", "13"].index(str(conv_transpose_output_size(7, 3, 2, 1))),
       {"ko": "O = (I − 1)·S − 2P + K에 넣어 보세요.", "en": "Use O = (I − 1)·S − 2P + K."},
       lambda: {"ko": f"(7 − 1)·2 − 2 + 3 = {conv_transpose_output_size(7, 3, 2, 1)}. 14를 원하면 output_padding=1을 "
                      "줍니다.",
                "en": f"(7 − 1)·2 − 2 + 3 = {conv_transpose_output_size(7, 3, 2, 1)}. For 14, add output_padding=1."}),
    _q("q4", "03",
       "`output_padding`은 왜 있을까요?",
       "Why does `output_padding` exist?",
       [_c("스트라이드가 1보다 크면 여러 입력 크기가 같은 크기로 줄어들므로, 되돌릴 크기를 고르려고",
           "With a stride above 1, several input sizes shrink to the same size, so it picks the size to go back to"),
        _c("커널 크기가 짝수이면 늘 필요해서", "An even kernel size always needs it"),
        _c("패딩이 0이면 출력이 두 배가 되지 않아서", "With zero padding the output is never twice the input")],
       lambda: _index_of_true(_output_padding_claims()),
       {"ko": "스트라이드 2 합성곱(k3, p1)에 13과 14를 넣어 보세요.",
        "en": "Feed 13 and 14 to a stride-2 convolution (k3, p1)."},
       lambda: {"ko": f"13과 14는 모두 {conv_output_size(13, 3, 2, 1)}로 줄어듭니다. 되돌아갈 때 어느 쪽인지 "
                      "정하는 것이 output_padding(또는 forward의 output_size=)입니다.",
                "en": f"13 and 14 both shrink to {conv_output_size(13, 3, 2, 1)}. Going back, output_padding (or "
                      "forward's output_size=) says which one."}),
    _q("q5", "04",
       "출력 안쪽의 겹침 수가 불균일한(체커보드의 원인 1) 설정은?",
       "Which setting gives uneven overlap counts inside the output (cause 1 of the checkerboard)?",
       [_c("k=4, s=2"), _c("k=3, s=2"), _c("k=2, s=2")],
       lambda: _index_of_true([_uneven(4, 2), _uneven(3, 2), _uneven(2, 2)]),
       {"ko": "커널 크기가 스트라이드로 나누어떨어지는지 보세요.", "en": "Does the stride divide the kernel size?"},
       {"ko": "3은 2로 나누어떨어지지 않아 안쪽이 1, 2로 번갈아 겹칩니다(2-D로는 1, 2, 4). 균일한 겹침이 체커보드가 "
              "없다는 뜻은 아닙니다. k=4, s=2는 겹침이 균일해도 초기화 직후 무늬가 있습니다(원인 2, 레슨 04).",
        "en": "2 does not divide 3, so the interior alternates 1 and 2 (1, 2 and 4 in 2-D). Even overlap does not mean "
              "no checkerboard: k=4, s=2 has even overlap and still shows a pattern right after initialization "
              "(cause 2, lesson 04)."}),
    _q("q6", "05",
       "256 → 128 채널 ×2 업샘플링의 세 방법 가운데 파라미터가 가장 많은 것은? (원문의 '3가지 방법 비교')",
       "Of the three 256 → 128-channel ×2 upsamplers (the document's comparison), which has the most parameters?",
       [_c("ConvTranspose2d(k=4, s=2, p=1)"), _c("Upsample + Conv2d(3×3)"),
        _c("Conv2d(3×3, 512) + PixelShuffle(2)")],
       lambda: max(range(3), key=lambda i: parameter_counts_05()[i]),
       {"ko": "PixelShuffle 앞 합성곱은 출력 채널이 128·2² = 512입니다.",
        "en": "The convolution before PixelShuffle outputs 128·2² = 512 channels."},
       lambda: {"ko": "파라미터는 차례로 " + ", ".join(f"{n:,}" for n in parameter_counts_05()) + "개입니다. 원문은 "
                      "두 번째를 295,168개, 세 번째를 295,040개라고 적었지만 둘 다 틀렸습니다.",
                "en": "They have " + ", ".join(f"{n:,}" for n in parameter_counts_05()) + " parameters. The "
                      "document lists 295,168 for the second and 295,040 for the third; both are wrong."}),
    _q("q7", "06",
       "101×101 스킵을 2×2 풀링하고 k=2, s=2 전치 합성곱으로 되돌립니다. 크기를 101로 만들면서 줄도 맞추는 방법은?",
       "A 101×101 skip is pooled 2×2 and brought back by a k=2, s=2 transposed convolution. Which fix makes it "
       "101 with the rows aligned?",
       [_c("앞쪽(위·왼쪽)에 한 줄 패딩", "Pad one row at the start (top, left)"),
        _c("스킵을 가운데 100×100으로 잘라내기", "Crop the skip to its central 100×100"),
        _c("`up(x, output_size=skip.shape[-2:])`")],
       lambda: _index_of_true([_alignment_claims()[i] for i in (1, 2, 0)]),
       {"ko": "크기와 줄 맞춤을 둘 다 보세요. 하나는 크기가, 하나는 줄이 틀립니다.",
        "en": "Check both the size and the alignment: one fix gets the size wrong, another the rows."},
       lambda: {"ko": "(행 수, 맞춘 행 수)는 output_size=, 앞쪽 패딩, 잘라내기 차례로 "
                      + ", ".join(str(r) for r in aligned_rows_06()) + "입니다.",
                "en": "(rows, aligned rows) for output_size=, padding at the start and cropping: "
                      + ", ".join(str(r) for r in aligned_rows_06()) + "."}),
    _q("q8", "07",
       "1×1 입력을 받는 `ConvTranspose2d(100, 512, 4, 1, 0)`과 같은 계산은?",
       "Which computation equals `ConvTranspose2d(100, 512, 4, 1, 0)` on a 1×1 input?",
       [_c("최근접 이웃 보간 ×4", "Nearest-neighbour interpolation ×4"),
        _c("`Linear(100, 512·16)` + 모양 바꾸기 (편향은 위치끼리 공유)",
           "`Linear(100, 512·16)` + a reshape (the bias shared across positions)"),
        _c("1×1 합성곱", "A 1×1 convolution")],
       lambda: _index_of_true([_first_layer_claims()[i] for i in (1, 0, 2)]),
       {"ko": "입력 픽셀이 하나뿐이면 겹침이 없습니다.", "en": "With one input pixel there is no overlap."},
       {"ko": "가중치 (100, 512, 4, 4)를 (8192, 100) 행렬로 보면 같은 계산입니다. DCGAN 저자들의 코드도 이렇게 썼습니다.",
        "en": "Read the (100, 512, 4, 4) weight as an (8192, 100) matrix and it is the same computation; the "
              "DCGAN authors' code wrote it that way."}),
    _q("q9", "07",
       "4/2/1 생성자에도 학습 전부터 2×2 무늬가 있는 까닭은?",
       "Why does a 4/2/1 generator show a 2×2 pattern before any training?",
       [_c("네 위상이 서로 다른 2×2 부분 커널을 쓰고, 그 합이 서로 달라서",
           "The four phases use different 2×2 sub-kernels whose sums differ"),
        _c("안쪽 겹침 수가 불균일해서", "Its interior overlap counts are uneven"),
        _c("마지막 Tanh 때문에", "Because of the final Tanh")],
       lambda: _index_of_true([_checkerboard_claims()[i] for i in (1, 0, 2)]),
       {"ko": "가중치가 모두 같으면 4/2/1의 안쪽은 평평합니다. 그렇다면 무늬는 어디서 올까요?",
        "en": "With equal weights the 4/2/1 interior is flat. So where does the pattern come from?"},
       {"ko": "상수 입력에 대한 안쪽 출력값은 네 부분 커널의 합과 정확히 같습니다. 균일한 겹침만으로는 충분하지 않습니다.",
        "en": "On a constant input the interior values are exactly the four sub-kernel sums. Even overlap alone "
              "is not enough."}),
)

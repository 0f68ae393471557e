"""Overlap maps agree with PyTorch (conv_transpose2d of ones, fold of unfold), and their interiors are judged right."""

import itertools

import pytest
import torch
from torch.nn import functional as F

from course_utils.arithmetic import RuleError, overlap_counts_1d, overlap_map
from course_utils.i18n import message
from course_utils.overlap import interior_range, interior_values, verdict

SETTINGS = [(i, k, s, p) for i, k, s, p in itertools.product(range(1, 7), range(1, 7), range(1, 5), range(0, 4))
            if (i - 1) * s - 2 * p + k >= 1]


def test_overlap_map_is_conv_transpose2d_of_ones():
    for i, k, s, p in SETTINGS:
        ones, kernel = torch.ones(1, 1, i, i, dtype=torch.float64), torch.ones(1, 1, k, k, dtype=torch.float64)
        expected = F.conv_transpose2d(ones, kernel, stride=s, padding=p)[0, 0]
        assert torch.equal(overlap_map(i, k, s, p).double(), expected), (i, k, s, p)


def test_overlap_map_is_fold_of_unfold_on_the_convolutions_input():
    # a convolution (k, s, p) whose output has size o reads an input of size n; fold(unfold(ones)) counts
    # how many windows cover each input pixel, which is the transposed convolution's overlap map of o.
    for o, k, s, p in SETTINGS:
        n = (o - 1) * s - 2 * p + k
        ones = torch.ones(1, 1, n, n, dtype=torch.float64)
        windows = F.unfold(ones, kernel_size=k, stride=s, padding=p)
        assert windows.shape[-1] == o * o
        covered = F.fold(windows, output_size=(n, n), kernel_size=k, stride=s, padding=p)[0, 0]
        assert torch.equal(overlap_map(o, k, s, p).double(), covered), (o, k, s, p)


def test_the_documents_six_by_six_table_is_kernel_4_stride_2_padding_1_on_a_3x3_input():
    assert overlap_map(3, 4, 2, 1).tolist() == [
        [1, 2, 2, 2, 2, 1],
        [2, 4, 4, 4, 4, 2],
        [2, 4, 4, 4, 4, 2],
        [2, 4, 4, 4, 4, 2],
        [2, 4, 4, 4, 4, 2],
        [1, 2, 2, 2, 2, 1],
    ]


def test_two_d_is_the_outer_product_of_one_d():
    counts = overlap_counts_1d(5, 3, 2)
    assert counts.tolist() == [1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 1]
    assert torch.equal(overlap_map(5, 3, 2), torch.outer(counts, counts))


def test_invalid_settings_raise_rule_errors():
    with pytest.raises(RuleError) as caught:
        overlap_map(2, 2, 1, 3)
    assert caught.value.explain("ko") == message("arithmetic.output_too_small", "ko", out=-3)
    with pytest.raises(RuleError):
        overlap_map(4, 0, 2)


def _reaching_inputs(j, k, s, p):
    """Every integer input index whose kernel footprint covers output j of an unbounded input."""
    return [i for i in range(-k - 1, j + k + 2) if i * s <= j + p < i * s + k]


def test_interior_is_where_every_reaching_input_exists():
    for i, k, s, p in SETTINGS:
        out = len(overlap_counts_1d(i, k, s, p))
        brute = [j for j in range(out) if all(0 <= n < i for n in _reaching_inputs(j, k, s, p))]
        assert list(interior_range(i, k, s, p)) == brute, (i, k, s, p)


@pytest.mark.parametrize("k, s", [(k, s) for k in range(1, 9) for s in range(1, 5)])
def test_interior_is_even_exactly_when_stride_divides_kernel(k, s):
    values = interior_values(8, k, s)
    assert (len(values) == 1) == (k % s == 0)
    assert (0 in values) == (k < s)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_verdicts(lang):
    assert verdict(3, 4, 2, 1, lang).startswith(message("overlap.even", lang, k=4, s=2, count1d=2, count2d=4))
    assert message("overlap.border_only", lang, values2d="1, 2, 4") in verdict(3, 4, 2, 1, lang)
    assert verdict(6, 2, 2, 0, lang) == message("overlap.even", lang, k=2, s=2, count1d=1, count2d=1)
    assert verdict(6, 3, 2, 0, lang) == message("overlap.uneven", lang, k=3, s=2, values1d="1, 2",
                                                values2d="1, 2, 4", ratio1d="2", ratio2d="4")
    assert verdict(6, 5, 2, 2, lang) == message("overlap.uneven", lang, k=5, s=2, values1d="2, 3",
                                                values2d="4, 6, 9", ratio1d="1.5", ratio2d="2.25")
    assert verdict(6, 1, 2, 0, lang) == message("overlap.holes", lang, k=1, s=2, values2d="0, 1")
    assert verdict(1, 4, 2, 1, lang) == message("overlap.too_small", lang, length=0, s=2)

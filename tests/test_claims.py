"""claim prints a lesson's stated fact and stops the notebook when it does not hold; close compares float64."""

import pytest
import torch

from course_utils.claims import ClaimError, claim, close


def test_a_claim_that_holds_prints_label_and_value(capsys):
    claim("same", True)
    claim("P=1: last row == bias", False, expected=False)
    claim("nonzero outside", 0, expected=0)
    assert capsys.readouterr().out == "same: True\nP=1: last row == bias: False\nnonzero outside: 0\n"


def test_a_claim_that_fails_raises_in_both_languages(capsys):
    with pytest.raises(ClaimError) as error:
        claim("output unchanged by the conv bias", False)
    assert "output unchanged by the conv bias: False" in capsys.readouterr().out
    assert "레슨은 True라고 말하지만 이번 실행은 False입니다" in str(error.value)
    assert "the lesson states True, this run gives False" in str(error.value)
    with pytest.raises(AssertionError):  # a ClaimError is an AssertionError: pytest and nbval report it as such
        claim("count", 3, expected=4)


def test_a_claim_refuses_a_tensor():
    with pytest.raises(TypeError, match="not a tensor"):
        claim("same", torch.tensor(True))


def test_close_is_relative_to_the_largest_magnitude():
    a = torch.tensor([1e6, 1.0], dtype=torch.float64)
    assert close(a, a + torch.tensor([1e-4, 0.0], dtype=torch.float64))       # 1e-10 of 1e6
    assert not close(a, a + torch.tensor([1e-2, 0.0], dtype=torch.float64))   # 1e-8 of 1e6
    assert not close(torch.zeros(2, dtype=torch.float64), torch.tensor([0.0, 1e-300], dtype=torch.float64))
    assert close(torch.zeros(0, dtype=torch.float64), torch.zeros(0, dtype=torch.float64))


def test_close_catches_the_float32_rounding_it_is_meant_to_avoid():
    torch.manual_seed(0)
    x = torch.randn(4096, dtype=torch.float64) + 5.0
    normalized = (x - x.mean()) / x.std()
    from_float32 = ((x.float() - x.float().mean()) / x.float().std()).double()
    assert close(normalized, (x - x.mean()) / x.std())
    assert not close(normalized, from_float32)


@pytest.mark.parametrize("a, b, error", [
    (torch.zeros(2), torch.zeros(2, dtype=torch.float64), "a must be a float64 tensor"),
    (torch.zeros(2, dtype=torch.float64), [0.0, 0.0], "b must be a float64 tensor"),
    (torch.zeros(2, dtype=torch.float64), torch.zeros(3, dtype=torch.float64), "shapes differ"),
])
def test_close_refuses_what_it_cannot_judge(a, b, error):
    with pytest.raises((TypeError, ValueError), match=error):
        close(a, b)

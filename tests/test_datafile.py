import pytest

from extract.datafile import read_yaml
from extract.errors import DataFileError


def test_read_yaml(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("a: [1, 2]\n", encoding="utf-8")
    assert read_yaml(good) == {"a": [1, 2]}


@pytest.mark.parametrize("content", [b"a: [1, 2\n", b"\xff\xfe\x00bad"])
def test_bad_yaml_is_one_line_naming_the_file(tmp_path, content):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    with pytest.raises(DataFileError) as err:
        read_yaml(bad)
    assert str(bad) in str(err.value) and "\n" not in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        read_yaml(tmp_path / "nope.yaml")

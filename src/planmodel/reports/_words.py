"""The headings and labels reports use, in English and Vietnamese.

Status words are not here: they live with the explanations
(:data:`planmodel._explain.STATUS_WORDS`) so that every output says the same thing.
"""

from __future__ import annotations

from ..status import Status

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "plan": "Plan",
        "evaluated": "evaluated as of",
        "summary": "Summary",
        "targets": "Targets",
        "target_count": "targets",
        "number": "#",
        "target": "Target",
        "requirement": "Requirement",
        "status": "Status",
        "count": "Count",
        "latest": "Latest figure",
        "progress": "Progress",
        "why": "Why",
        "period": "Period",
        "measure": "Measure",
        "value": "Value",
        "gap": "Gap",
        "expected": "Expected",
        "note": "Note",
        "judgements": "Judgements by period",
        "notes": "Reading",
        "no_data_none": "every due figure is present",
        "no_periods": "nothing to judge yet",
        "bound": "bound",
        "level": "level",
        "levels": "levels",
        "chart": "values by period",
        "term": "term",
        "adopted": "adopted",
        "by": "by",
        "source": "Source",
        "published": "published",
        "objective": "General objective",
        "directions": "Directions",
        "breakthroughs": "Breakthroughs",
        "serves": "serves",
        "metrics": "Metrics",
        "scales": "Rating scales",
        "higher_better": "higher is better",
        "lower_better": "lower is better",
    },
    "vi": {
        "plan": "Kế hoạch",
        "evaluated": "đánh giá đến ngày",
        "summary": "Tổng hợp",
        "targets": "Các chỉ tiêu",
        "target_count": "chỉ tiêu",
        "number": "#",
        "target": "Chỉ tiêu",
        "requirement": "Yêu cầu",
        "status": "Trạng thái",
        "count": "Số chỉ tiêu",
        "latest": "Số liệu mới nhất",
        "progress": "Tiến độ",
        "why": "Giải thích",
        "period": "Kỳ",
        "measure": "Đo lường",
        "value": "Giá trị",
        "gap": "Khoảng cách",
        "expected": "Theo lộ trình",
        "note": "Ghi chú",
        "judgements": "Đánh giá theo từng kỳ",
        "notes": "Cách hiểu",
        "no_data_none": "đã có đủ số liệu đến hạn",
        "no_periods": "chưa có gì để đánh giá",
        "bound": "ngưỡng",
        "level": "mức",
        "levels": "mức",
        "chart": "giá trị theo kỳ",
        "term": "nhiệm kỳ",
        "adopted": "thông qua ngày",
        "by": "bởi",
        "source": "Nguồn",
        "published": "đăng ngày",
        "objective": "Mục tiêu tổng quát",
        "directions": "Phương hướng, nhiệm vụ trọng tâm",
        "breakthroughs": "Khâu đột phá",
        "serves": "phục vụ",
        "metrics": "Chỉ số",
        "scales": "Thang xếp loại",
        "higher_better": "càng cao càng tốt",
        "lower_better": "càng thấp càng tốt",
    },
}

#: A symbol per status, so that a report read without colour still shows the verdict at a glance.
SYMBOLS = {
    Status.NOT_MET: "✗",
    Status.OFF_TRACK: "!",
    Status.NO_DATA: "?",
    Status.PENDING: "·",
    Status.ON_TRACK: "→",
    Status.MET: "✓",
    Status.EXCEEDED: "✓+",
}


def label(key: str, lang: str) -> str:
    """A heading or label in *lang*, English when the language has no wording."""
    return LABELS.get(lang, LABELS["en"])[key]

"""The sections kehoach drafts itself when a plan does not write them: aims, tasks (Tổ chức thực hiện: assign.py).

The words are the project's own, general enough for any body and any directive; the secretary edits them.
"""

from __future__ import annotations

from kehoach.drafting.flow import as_items, kind_names
from kehoach.inputs.models import Profile, Section, Task, Unit


def aims(profile: Profile, parents: str) -> Section:
    people = profile.people
    return Section(title="Mục đích, yêu cầu", children=(
        Section(title="Mục đích", paragraphs=(
            f"- Quán triệt đầy đủ, kịp thời nội dung {parents} đến {people}; "
            "tạo sự thống nhất trong nhận thức và hành động khi tổ chức thực hiện.",
            f"- Xác định cụ thể nhiệm vụ của các cơ quan, đơn vị thuộc {profile.name}, "
            "làm căn cứ để xây dựng chương trình, kế hoạch thực hiện phù hợp với tình hình thực tế.",
        )),
        Section(title="Yêu cầu", paragraphs=(
            f"- Việc triển khai {parents} phải nghiêm túc, đồng bộ, thiết thực, hiệu quả; "
            "gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị.",
            "- Phân công rõ trách nhiệm, thời gian thực hiện; thường xuyên theo dõi, đôn đốc, "
            "kiểm tra và định kỳ sơ kết, đánh giá kết quả.",
        )),
    ))


def _task_section(task: Task) -> Section:
    # A task with a body has a heading; a task that is one sentence is a numbered paragraph, not a bold heading.
    return Section(title=task.title, paragraphs=task.paragraphs) if task.paragraphs else Section(paragraphs=(task.title,))


def tasks(parent_tasks: tuple[Task, ...], parents: str) -> Section:
    if parent_tasks:
        return Section(title="Nhiệm vụ và giải pháp", children=tuple(map(_task_section, parent_tasks)))
    return Section(title="Nhiệm vụ và giải pháp", children=(
        Section(title="Quán triệt, tuyên truyền", paragraphs=(
            f"Tổ chức quán triệt, tuyên truyền sâu rộng nội dung {parents} bằng hình thức phù hợp "
            "với từng đối tượng, bảo đảm thiết thực, hiệu quả.",)),
        Section(title="Cụ thể hóa nhiệm vụ", paragraphs=(
            "Rà soát chức năng, nhiệm vụ được giao để đưa các mục tiêu, nhiệm vụ vào chương trình công tác "
            "hằng năm; xác định rõ người chịu trách nhiệm và thời hạn hoàn thành.",)),
        Section(title="Kiểm tra, giám sát", paragraphs=(
            "Thường xuyên kiểm tra, giám sát việc thực hiện; kịp thời phát hiện, tháo gỡ khó khăn, vướng mắc; "
            "định kỳ sơ kết, tổng kết, rút kinh nghiệm.",)),
    ))


def letter_tasks(profile: Profile, own: tuple[Task, ...], by_unit: tuple[tuple[Unit, tuple[Task, ...]], ...],
                 parents: str, report: str = "",
                 others: tuple[tuple[tuple[str, ...], tuple[Task, ...]], ...] = ()) -> Section:
    """The body of a Công văn: the tasks, grouped by who carries them out (seed 003). `report`: where and when the
    units report ("về LĐLĐ tỉnh (qua …) trước ngày …"). `others`: tasks for kinds of body the profile has no unit
    for (flow.Allotted.others), each group "Đối với <those bodies>" and not in the general group."""
    heading = profile.units_heading or "các cơ quan, đơn vị"
    elsewhere = {t for _, ts in others for t in ts}
    own = tuple(t for t in own if t not in elsewhere)
    general = own or (Task(f"Căn cứ {parents}, xây dựng kế hoạch triển khai thực hiện phù hợp với tình hình thực tế; "
                           f"định kỳ báo cáo kết quả {report or 'về ' + profile.name}."),)
    children = [Section(title=f"Đối với {lower_plural(heading)}", paragraphs=as_items(general))]
    children += [Section(title=unit.name, paragraphs=as_items(ts)) for unit, ts in by_unit]
    children += [Section(title=f"Đối với {kind_names(kinds)}", paragraphs=as_items(ts)) for kinds, ts in others]
    return Section(children=tuple(children))


def lower_plural(text: str) -> str:
    # "Các cấp công đoàn" reads "các cấp công đoàn" mid-sentence; a proper name keeps its capital.
    return text[:1].lower() + text[1:] if text.startswith("Các ") else text

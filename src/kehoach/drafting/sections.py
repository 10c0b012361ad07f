"""The sections kehoach drafts itself when a plan does not write them: aims, tasks, organisation.

The words are the project's own, general enough for any body and any directive; the secretary edits them.
"""

from __future__ import annotations

from kehoach.drafting.flow import as_items
from kehoach.inputs.models import PlanSpec, Profile, Section, Task, Unit


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
                 parents: str) -> Section:
    """The body of a Công văn: the tasks, grouped by who carries them out (seed 003)."""
    heading = profile.units_heading or "các cơ quan, đơn vị"
    general = own or (Task(f"Căn cứ {parents}, xây dựng kế hoạch triển khai thực hiện phù hợp với tình hình thực tế; "
                           f"định kỳ báo cáo kết quả về {profile.name}."),)
    children = [Section(title=f"Đối với {lower_plural(heading)}", paragraphs=as_items(general))]
    children += [Section(title=unit.name, paragraphs=as_items(ts)) for unit, ts in by_unit]
    return Section(children=tuple(children))


def lower_plural(text: str) -> str:
    # "Các cấp công đoàn" reads "các cấp công đoàn" mid-sentence; a proper name keeps its capital.
    return text[:1].lower() + text[1:] if text.startswith("Các ") else text


def organisation(profile: Profile, plan: PlanSpec, parents: str,
                 by_unit: tuple[tuple[Unit, tuple[Task, ...]], ...] = ()) -> Section:
    assigned = dict(plan.assignments)
    own_lines = []
    for dept in profile.departments:
        duty = assigned.pop(dept.name, None) or assigned.pop(dept.abbr, None) or dept.duty or (
            f"Theo chức năng, nhiệm vụ, tham mưu triển khai thực hiện {parents}; theo dõi, đôn đốc, tổng hợp "
            "và báo cáo kết quả.")
        own_lines.append(f"- Giao {dept.name}: {duty}")
    own_lines += [f"- Giao {name}: {duty}" for name, duty in assigned.items()]
    if not own_lines:
        own_lines.append(f"- Các cơ quan, đơn vị thuộc {profile.name} theo chức năng, nhiệm vụ "
                         f"tổ chức thực hiện {parents}.")
    children = [Section(title=profile.name[:1].upper() + profile.name[1:], paragraphs=tuple(own_lines))]
    children += [Section(title=unit.name, paragraphs=as_items(ts)) for unit, ts in by_unit]
    if profile.units:
        heading = profile.units_heading or "Các đơn vị trực thuộc"
        children.append(Section(title=heading, paragraphs=(
            f"- Căn cứ {parents}, xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế của đơn vị.",
            f"- Định kỳ báo cáo kết quả thực hiện về {profile.name}.",
        )))
    return Section(title="Tổ chức thực hiện", children=tuple(children))

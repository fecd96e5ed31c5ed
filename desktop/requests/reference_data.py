"""Reference data a new centre starts with: request categories and common departments.

The administrator edits both later; this is only a realistic starting point, written
once when a database is set up (first-run setup or demo).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db import requests as repo
from db.models import Category, ClockLimit, Department, ResponseTemplate

CATEGORIES: dict[str, tuple[str, ...]] = {
    "环境卫生": ("垃圾清运", "楼道堆物", "污水外溢", "噪音扰民", "油烟污染"),
    "物业服务": ("物业收费", "电梯故障", "公共设施维修", "停车管理", "小区安保"),
    "邻里纠纷": ("漏水纠纷", "占用公共空间", "宠物扰民", "其他邻里矛盾"),
    "劳资纠纷": ("拖欠工资", "劳动合同", "工伤赔偿"),
    "婚姻家庭": ("家庭矛盾", "赡养抚养", "家庭暴力"),
    "房屋土地": ("房屋安全", "违章搭建", "拆迁安置", "不动产登记"),
    "法律咨询": ("民事法律", "法律援助申请"),
    "政策咨询": ("社保医保", "低保救助", "养老服务", "残疾人服务", "就业创业"),
    "心理疏导": ("情绪困扰", "心理危机"),
    "市政设施": ("道路破损", "路灯不亮", "井盖缺失", "供水供暖", "燃气"),
    "安全隐患": ("消防隐患", "电动车充电", "高空坠物", "危险房屋"),
    "其他": ("意见建议", "表扬感谢"),
}

# name, handling level
DEPARTMENTS: tuple[tuple[str, str], ...] = (
    ("社区居委会", "community"),
    ("社区网格站", "community"),
    ("小区物业服务中心", "community"),
    ("街道城市管理办公室", "town"),
    ("街道司法所", "town"),
    ("街道社会事务办公室", "town"),
    ("街道综合执法中队", "town"),
    ("街道劳动保障所", "town"),
    ("派出所", "town"),
    ("区住房和城乡建设局", "district"),
    ("区人力资源和社会保障局", "district"),
    ("区市场监督管理局", "district"),
    ("区生态环境分局", "district"),
    ("区民政局", "district"),
)

TEMPLATES: tuple[tuple[str, str], ...] = (
    ("已转物业处理", "您反映的问题已转交小区物业服务中心处理，物业承诺三个工作日内上门查看并反馈。"),
    ("已安排网格员核实", "您反映的情况已安排网格员现场核实，核实后将第一时间与您联系。"),
    ("政策解答", "经查询，相关政策规定如下：……如需进一步了解，可携带身份证到社区服务中心窗口咨询。"),
    ("已调解", "经社区人民调解委员会组织双方调解，已达成一致意见，双方表示满意。"),
)


def seed(session: Session) -> None:
    """Write the starting categories, departments, templates and the 30135 limits once."""
    if repo.has_categories(session):
        return
    for order, (top, children) in enumerate(CATEGORIES.items()):
        parent = Category(name=top, sort_order=order, is_active=True)
        session.add(parent)
        session.flush()
        for child_order, child in enumerate(children):
            session.add(Category(name=child, parent_id=parent.id, sort_order=child_order, is_active=True))
    for name, level in DEPARTMENTS:
        session.add(Department(name=name, level=level, is_active=True))
    for title, body in TEMPLATES:
        session.add(ResponseTemplate(title=title, body=body))
    session.add(
        ClockLimit(
            urgency=None, category_id=None, accept_minutes=30, answer_days=1, resolve_days=3, follow_up_days=5
        )
    )
    # Red (urgent) requests run on tighter clocks by default.
    session.add(
        ClockLimit(
            urgency="red",
            category_id=None,
            accept_minutes=15,
            answer_days=1,
            resolve_days=2,
            follow_up_days=3,
        )
    )
    session.flush()

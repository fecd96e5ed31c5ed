<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>admin</name>
    <message>
      <source>{urgency}, {category}</source>
      <translation>{urgency}，{category}</translation>
    </message>
    <message>
      <source>{name} (disabled)</source>
      <translation>{name}（已停用）</translation>
    </message>
    <message>
      <source>Any urgency</source>
      <translation>不限紧急程度</translation>
    </message>
    <message>
      <source>Not known yet</source>
      <translation>尚未公布</translation>
    </message>
    <message>
      <source>Working day</source>
      <translation>工作日</translation>
    </message>
    <message>
      <source>Day off</source>
      <translation>休息日</translation>
    </message>
    <message>
      <source>Default (all requests)</source>
      <translation>默认（全部诉求）</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <source>Rename category</source>
      <translation>重命名分类</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Handling level</source>
      <translation>办理层级</translation>
    </message>
    <message>
      <source>Any category</source>
      <translation>不限分类</translation>
    </message>
    <message>
      <source>Accept within</source>
      <translation>受理时限</translation>
    </message>
    <message>
      <source>minutes (office time)</source>
      <translation>分钟（工作时间）</translation>
    </message>
    <message>
      <source>New calendar correction</source>
      <translation>新建日历调整</translation>
    </message>
    <message>
      <source>Working day (e.g. a make-up working day)</source>
      <translation>工作日（如调休上班日）</translation>
    </message>
    <message>
      <source>Day off (e.g. a public holiday)</source>
      <translation>休息日（如法定节假日）</translation>
    </message>
    <message>
      <source>e.g. Spring Festival, make-up day for National Day</source>
      <translation>例如：春节、国庆节调休上班</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>This centre</source>
      <translation>本中心</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>{weekday}; the official calendar of this year is not known yet.</source>
      <translation>{weekday}；本年度官方日历尚未公布。</translation>
    </message>
    <message>
      <source>New sub-category</source>
      <translation>新建子分类</translation>
    </message>
    <message>
      <source>New category</source>
      <translation>新建分类</translation>
    </message>
    <message>
      <source>Under</source>
      <translation>上级分类</translation>
    </message>
    <message>
      <source>New department</source>
      <translation>新建单位</translation>
    </message>
    <message>
      <source>Edit department</source>
      <translation>编辑单位</translation>
    </message>
    <message>
      <source>New deadline rule</source>
      <translation>新建时限规则</translation>
    </message>
    <message>
      <source>Edit deadline rule</source>
      <translation>编辑时限规则</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>诉求分类</translation>
    </message>
    <message>
      <source>Applies to</source>
      <translation>适用范围</translation>
    </message>
    <message>
      <source>Answer within</source>
      <translation>答复时限</translation>
    </message>
    <message>
      <source>Resolve within</source>
      <translation>办结时限</translation>
    </message>
    <message>
      <source>Follow-up visit within</source>
      <translation>回访时限</translation>
    </message>
    <message>
      <source>working days</source>
      <translation>个工作日</translation>
    </message>
    <message>
      <source>{weekday}; officially a working day.</source>
      <translation>{weekday}；官方安排为工作日。</translation>
    </message>
    <message>
      <source>{weekday}; officially a day off.</source>
      <translation>{weekday}；官方安排为休息日。</translation>
    </message>
    <message>
      <source>This date already has a correction; saving replaces it.</source>
      <translation>该日期已有调整，保存后将替换。</translation>
    </message>
    <message>
      <source>There is already a rule for this urgency and category; edit that rule instead.</source>
      <translation>该紧急程度和分类已有规则，请编辑那条规则。</translation>
    </message>
    <message>
      <source>Categories and departments</source>
      <translation>分类与单位</translation>
    </message>
    <message>
      <source>Only an administrator can change these lists.</source>
      <translation>只有系统管理员可以修改这些列表。</translation>
    </message>
    <message>
      <source>Request categories</source>
      <translation>诉求分类</translation>
    </message>
    <message>
      <source>Departments</source>
      <translation>承办单位</translation>
    </message>
    <message>
      <source>Response templates</source>
      <translation>答复模板</translation>
    </message>
    <message>
      <source>Rename</source>
      <translation>重命名</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Disable</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Requests are registered under a sub-category where a category has them. Categories are never deleted because requests refer to them: disable one instead, and it can no longer be chosen at reception (its sub-categories neither).</source>
      <translation>分类下有子分类时，诉求登记在子分类下。分类已被诉求引用，因此不能删除，只能停用；停用后接待登记时不能再选择该分类（及其子分类）。</translation>
    </message>
    <message>
      <source>Rename / level</source>
      <translation>改名/层级</translation>
    </message>
    <message>
      <source>A disabled department keeps the requests it already has, but new requests can no longer be routed to it.</source>
      <translation>停用的单位保留已有的诉求，但新诉求不能再派给该单位。</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Unavailable: the category above is disabled</source>
      <translation>不可用：上级分类已停用</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Enable</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>承办单位</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>使用中</translation>
    </message>
    <message>
      <source>Deadlines and calendar</source>
      <translation>时限与日历</translation>
    </message>
    <message>
      <source>Only an administrator can change deadlines and the calendar.</source>
      <translation>只有系统管理员可以修改时限和日历。</translation>
    </message>
    <message>
      <source>Deadlines</source>
      <translation>办理时限</translation>
    </message>
    <message>
      <source>Working-day calendar</source>
      <translation>工作日历</translation>
    </message>
    <message>
      <source>The 30135 rule: from assignment, a request is accepted within 30 minutes, answered within 1 working day, resolved within 3 working days and visited for follow-up within 5 working days. Minutes count office time only; days count working days of the calendar on the next tab.</source>
      <translation>30135 规则：自派单起，诉求须在 30 分钟内受理，1 个工作日内答复，3 个工作日内办结，5 个工作日内回访。分钟只计工作时间；天数按下一页“工作日历”中的工作日计算。</translation>
    </message>
    <message>
      <source>Where several rules fit a request, the most specific one applies: urgency and category, then category, then the same for the parent category, then urgency, then the default. A rule for a category covers its sub-categories that have no rule of their own.</source>
      <translation>一条诉求符合多条规则时，按最具体的规则执行：先看紧急程度加分类，再看分类，再按同样顺序看上级分类，然后看紧急程度，最后是默认规则。分类的规则也适用于其下没有单独规则的子分类。</translation>
    </message>
    <message>
      <source>New rule</source>
      <translation>新建规则</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Delete the default rule? Requests without a rule of their own then follow 30135.</source>
      <translation>确定删除默认规则吗？删除后，没有专门规则的诉求按 30135 执行。</translation>
    </message>
    <message>
      <source>Delete this rule? Its requests then follow the next rule that fits them.</source>
      <translation>确定删除此规则吗？相关诉求将改按下一条适用的规则执行。</translation>
    </message>
    <message>
      <source>The official calendar of public holidays and make-up working days comes with the program. Enter a correction only where this centre works differently, or for a year the program does not know yet. A correction always wins over the official calendar.</source>
      <translation>程序已内置官方公布的法定节假日和调休上班日安排。只有本中心的作息与之不同，或程序尚无某年的安排时，才需要录入调整。调整始终优先于官方日历。</translation>
    </message>
    <message>
      <source>New correction</source>
      <translation>新建调整</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Accept (minutes)</source>
      <translation>受理（分钟）</translation>
    </message>
    <message>
      <source>Answer (working days)</source>
      <translation>答复（工作日）</translation>
    </message>
    <message>
      <source>Resolve (working days)</source>
      <translation>办结（工作日）</translation>
    </message>
    <message>
      <source>Follow-up (working days)</source>
      <translation>回访（工作日）</translation>
    </message>
    <message>
      <source>Delete rule</source>
      <translation>删除规则</translation>
    </message>
    <message>
      <source>Weekday</source>
      <translation>星期</translation>
    </message>
    <message>
      <source>Official calendar</source>
      <translation>官方日历</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>The official holidays of {year} are not known yet; enter the State Council's holiday and make-up working day schedule here.</source>
      <translation>程序尚无 {year} 年的官方节假日安排，请在此录入国务院办公厅公布的放假和调休上班安排。</translation>
    </message>
    <message>
      <source>No corrections for {year}: the official calendar applies.</source>
      <translation>{year} 年没有调整，按官方日历执行。</translation>
    </message>
    <message>
      <source>Remove correction</source>
      <translation>删除调整</translation>
    </message>
    <message>
      <source>Remove the correction for {day}? The day then follows the official calendar.</source>
      <translation>确定删除 {day} 的调整吗？删除后该日按官方日历执行。</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <source>New template</source>
      <translation>新建模板</translation>
    </message>
    <message>
      <source>Save template</source>
      <translation>保存模板</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>For category</source>
      <translation>适用分类</translation>
    </message>
    <message>
      <source>Answer text</source>
      <translation>答复内容</translation>
    </message>
    <message>
      <source>Edit template</source>
      <translation>编辑模板</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>Delete template</source>
      <translation>删除模板</translation>
    </message>
    <message>
      <source>Delete the response template “{title}”?</source>
      <translation>确定删除答复模板“{title}”吗？</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Opening the database…</source>
      <translation>正在打开数据库…</translation>
    </message>
    <message>
      <source>Creating the demo database…</source>
      <translation>正在创建演示数据库…</translation>
    </message>
    <message>
      <source>The daily backup failed: {why}</source>
      <translation>每日自动备份失败：{why}</translation>
    </message>
    <message>
      <source>This PC does not have the audit key of this database: saving is refused until an administrator imports it (Settings → Database → Import audit key).</source>
      <translation>本机没有该数据库的审计密钥：在管理员导入密钥之前无法保存（系统设置 → 数据库 → 导入审计密钥）。</translation>
    </message>
    <message>
      <source>Opening the database</source>
      <translation>打开数据库</translation>
    </message>
    <message>
      <source>Daily backup made: {path}</source>
      <translation>已完成每日自动备份：{path}</translation>
    </message>
    <message>
      <source>Cannot open the database</source>
      <translation>无法打开数据库</translation>
    </message>
  </context>
  <context>
    <name>audit</name>
    <message>
      <source>Setup</source>
      <translation>初始设置</translation>
    </message>
    <message>
      <source>Logged in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Wrong password</source>
      <translation>密码错误</translation>
    </message>
    <message>
      <source>Account locked</source>
      <translation>账号锁定</translation>
    </message>
    <message>
      <source>Password reset</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>Password changed</source>
      <translation>修改密码</translation>
    </message>
    <message>
      <source>Demo data</source>
      <translation>演示数据</translation>
    </message>
    <message>
      <source>History sealed</source>
      <translation>历史记录封存校验</translation>
    </message>
    <message>
      <source>Audit key replaced</source>
      <translation>更换审计密钥</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Moved</source>
      <translation>调整顺序</translation>
    </message>
    <message>
      <source>Enabled</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Archived</source>
      <translation>归档</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Viewed ID/phone</source>
      <translation>查看证件/电话</translation>
    </message>
    <message>
      <source>Request registered</source>
      <translation>登记诉求</translation>
    </message>
    <message>
      <source>Request assigned</source>
      <translation>派单</translation>
    </message>
    <message>
      <source>Request accepted</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Request returned</source>
      <translation>退回</translation>
    </message>
    <message>
      <source>Request answered</source>
      <translation>答复</translation>
    </message>
    <message>
      <source>Request resolved</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Follow-up call</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>Request reopened</source>
      <translation>重办</translation>
    </message>
    <message>
      <source>Reminder sent</source>
      <translation>催办</translation>
    </message>
    <message>
      <source>Supervision</source>
      <translation>督办</translation>
    </message>
    <message>
      <source>Requests merged</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Attachment added</source>
      <translation>添加附件</translation>
    </message>
    <message>
      <source>Hours approved</source>
      <translation>审核通过</translation>
    </message>
    <message>
      <source>Hours rejected</source>
      <translation>驳回</translation>
    </message>
    <message>
      <source>Points redeemed</source>
      <translation>兑换</translation>
    </message>
    <message>
      <source>Redemption cancelled</source>
      <translation>取消兑换</translation>
    </message>
    <message>
      <source>Handed over</source>
      <translation>核销</translation>
    </message>
    <message>
      <source>Points adjusted</source>
      <translation>调整积分</translation>
    </message>
    <message>
      <source>Points reversed</source>
      <translation>冲正</translation>
    </message>
    <message>
      <source>Points expired</source>
      <translation>积分过期</translation>
    </message>
    <message>
      <source>Points earned</source>
      <translation>获得积分</translation>
    </message>
    <message>
      <source>Points frozen</source>
      <translation>冻结积分</translation>
    </message>
    <message>
      <source>Points released</source>
      <translation>解冻积分</translation>
    </message>
    <message>
      <source>Opening balance</source>
      <translation>期初积分</translation>
    </message>
    <message>
      <source>Order placed</source>
      <translation>点单</translation>
    </message>
    <message>
      <source>Order taken in</source>
      <translation>受理订单</translation>
    </message>
    <message>
      <source>Work order drafted</source>
      <translation>制单</translation>
    </message>
    <message>
      <source>Draft sent back</source>
      <translation>审批退回</translation>
    </message>
    <message>
      <source>Objection recorded</source>
      <translation>公示异议</translation>
    </message>
    <message>
      <source>Publicity closed</source>
      <translation>公示期满</translation>
    </message>
    <message>
      <source>Work order redrafted</source>
      <translation>重新制单</translation>
    </message>
    <message>
      <source>Order dispatched</source>
      <translation>派单</translation>
    </message>
    <message>
      <source>Order declined</source>
      <translation>拒单</translation>
    </message>
    <message>
      <source>Dispatch recalled</source>
      <translation>撤回派单</translation>
    </message>
    <message>
      <source>Service session recorded</source>
      <translation>服务记录</translation>
    </message>
    <message>
      <source>Service finished</source>
      <translation>服务完成</translation>
    </message>
    <message>
      <source>Order rated</source>
      <translation>评单</translation>
    </message>
    <message>
      <source>Service to be redone</source>
      <translation>不满意重做</translation>
    </message>
    <message>
      <source>Order checked</source>
      <translation>验收</translation>
    </message>
    <message>
      <source>Order terminated</source>
      <translation>终止</translation>
    </message>
    <message>
      <source>Order paid</source>
      <translation>付款</translation>
    </message>
    <message>
      <source>Order settled</source>
      <translation>结算</translation>
    </message>
    <message>
      <source>Annual inspection</source>
      <translation>年检</translation>
    </message>
    <message>
      <source>Put on the discredit list</source>
      <translation>列入失信名单</translation>
    </message>
    <message>
      <source>Taken off the discredit list</source>
      <translation>移出失信名单</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Exported</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Work order approved</source>
      <translation>审批通过</translation>
    </message>
    <message>
      <source>Order accepted by the provider</source>
      <translation>接单</translation>
    </message>
    <message>
      <source>Order rejected</source>
      <translation>驳回</translation>
    </message>
    <message>
      <source>Not accepted in time</source>
      <translation>接单超时</translation>
    </message>
    <message>
      <source>Order cancelled</source>
      <translation>撤销订单</translation>
    </message>
    <message>
      <source>Viewed phone</source>
      <translation>查看电话</translation>
    </message>
    <message>
      <source>Residents merged</source>
      <translation>合并居民档案</translation>
    </message>
    <message>
      <source>Visit recorded</source>
      <translation>记录走访</translation>
    </message>
    <message>
      <source>Visit corrected</source>
      <translation>更正走访</translation>
    </message>
    <message>
      <source>Visit withdrawn</source>
      <translation>撤回走访</translation>
    </message>
    <message>
      <source>Resident</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>诉求</translation>
    </message>
    <message>
      <source>Volunteer</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>Service hours</source>
      <translation>服务时长</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>积分</translation>
    </message>
    <message>
      <source>Redemption</source>
      <translation>兑换单</translation>
    </message>
    <message>
      <source>Supermarket item</source>
      <translation>超市商品</translation>
    </message>
    <message>
      <source>Activity</source>
      <translation>活动</translation>
    </message>
    <message>
      <source>Volunteer team</source>
      <translation>志愿服务队</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Request category</source>
      <translation>诉求分类</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Answer template</source>
      <translation>答复模板</translation>
    </message>
    <message>
      <source>Time limit</source>
      <translation>办理时限</translation>
    </message>
    <message>
      <source>Working-day change</source>
      <translation>工作日调整</translation>
    </message>
    <message>
      <source>Service order</source>
      <translation>服务订单</translation>
    </message>
    <message>
      <source>Service item</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <source>Service provider</source>
      <translation>服务商</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>走访</translation>
    </message>
    <message>
      <source>Visit rule</source>
      <translation>走访计划</translation>
    </message>
    <message>
      <source>Grid worker's grids</source>
      <translation>网格员负责的网格</translation>
    </message>
    <message>
      <source>Fund</source>
      <translation>资金</translation>
    </message>
    <message>
      <source>Order settings</source>
      <translation>订单设置</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Report text</source>
      <translation>报表说明</translation>
    </message>
    <message>
      <source>Report settings</source>
      <translation>报表设置</translation>
    </message>
    <message>
      <source>Setting</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>数据库</translation>
    </message>
    <message>
      <source>Request steps and points history</source>
      <translation>诉求环节与积分流水</translation>
    </message>
    <message>
      <source>Audit key</source>
      <translation>审计密钥</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>住址</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Key groups</source>
      <translation>重点人群</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Viewed</source>
      <translation>查看</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Centre name</source>
      <translation>中心名称</translation>
    </message>
    <message>
      <source>Scale</source>
      <translation>规模</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Grids</source>
      <translation>网格数</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>诉求</translation>
    </message>
    <message>
      <source>Points per hour</source>
      <translation>每小时积分</translation>
    </message>
    <message>
      <source>Daily limit (minutes)</source>
      <translation>每日上限（分钟）</translation>
    </message>
    <message>
      <source>Reversals above this need a director</source>
      <translation>冲正超过此数需主任审批</translation>
    </message>
    <message>
      <source>Request number</source>
      <translation>诉求编号</translation>
    </message>
    <message>
      <source>Status before</source>
      <translation>原状态</translation>
    </message>
    <message>
      <source>Status after</source>
      <translation>新状态</translation>
    </message>
    <message>
      <source>Merged into</source>
      <translation>合并到</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>来访人数</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>分类</translation>
    </message>
    <message>
      <source>Parent category</source>
      <translation>上级分类</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>主办部门</translation>
    </message>
    <message>
      <source>Assisting departments</source>
      <translation>协办部门</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Handling level</source>
      <translation>办理层级</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>排序</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>正文</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>答复</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Accept within (minutes)</source>
      <translation>受理时限（分钟）</translation>
    </message>
    <message>
      <source>Answer within (working days)</source>
      <translation>答复时限（工作日）</translation>
    </message>
    <message>
      <source>Resolve within (working days)</source>
      <translation>办结时限（工作日）</translation>
    </message>
    <message>
      <source>Follow up within (working days)</source>
      <translation>回访时限（工作日）</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Working day</source>
      <translation>工作日</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>服务队</translation>
    </message>
    <message>
      <source>Team leader</source>
      <translation>队长</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Points multiplier (%)</source>
      <translation>积分倍数（%）</translation>
    </message>
    <message>
      <source>Served on</source>
      <translation>服务日期</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>记录数</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>分钟</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>小时</translation>
    </message>
    <message>
      <source>Earned before</source>
      <translation>此日前获得</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>商品</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>商品</translation>
    </message>
    <message>
      <source>Replaced visit</source>
      <translation>被更正的走访</translation>
    </message>
    <message>
      <source>Visit date</source>
      <translation>走访日期</translation>
    </message>
    <message>
      <source>How</source>
      <translation>走访方式</translation>
    </message>
    <message>
      <source>Visited by</source>
      <translation>走访人</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>How often</source>
      <translation>走访频次</translation>
    </message>
    <message>
      <source>A phone call counts</source>
      <translation>电话算走访</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Price (points)</source>
      <translation>价格（积分）</translation>
    </message>
    <message>
      <source>Stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Volunteers</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>Ledger entry</source>
      <translation>积分记录</translation>
    </message>
    <message>
      <source>Request step</source>
      <translation>诉求环节</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按时</translation>
    </message>
    <message>
      <source>Entries before the key</source>
      <translation>启用密钥前的记录数</translation>
    </message>
    <message>
      <source>Replaced key</source>
      <translation>被更换的密钥</translation>
    </message>
    <message>
      <source>New key</source>
      <translation>新密钥</translation>
    </message>
    <message>
      <source>Entries signed with the replaced key</source>
      <translation>旧密钥签名的记录数</translation>
    </message>
    <message>
      <source>Replaced at</source>
      <translation>更换时间</translation>
    </message>
    <message>
      <source>Replaced by</source>
      <translation>更换人</translation>
    </message>
    <message>
      <source>Reverses entry</source>
      <translation>冲正记录</translation>
    </message>
    <message>
      <source>Frozen points</source>
      <translation>冻结积分</translation>
    </message>
    <message>
      <source>Cut-off</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Kinds</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Guide price</source>
      <translation>指导价</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>总额</translation>
    </message>
    <message>
      <source>Limit per order</source>
      <translation>单笔上限</translation>
    </message>
    <message>
      <source>Orders</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Unified social credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>On the discredit list</source>
      <translation>失信名单</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <source>Rating</source>
      <translation>评价</translation>
    </message>
    <message>
      <source>Rated on</source>
      <translation>评价日期</translation>
    </message>
    <message>
      <source>Archive number</source>
      <translation>归档编号</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>行数</translation>
    </message>
    <message>
      <source>Rows skipped</source>
      <translation>跳过行数</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>更新</translation>
    </message>
    <message>
      <source>Linked</source>
      <translation>关联</translation>
    </message>
    <message>
      <source>New records</source>
      <translation>新记录</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>筛选条件</translation>
    </message>
    <message>
      <source>Full ID numbers and phones</source>
      <translation>完整证件号和电话</translation>
    </message>
    <message>
      <source>Checksum</source>
      <translation>校验值</translation>
    </message>
    <message>
      <source>Kept</source>
      <translation>保留</translation>
    </message>
    <message>
      <source>Merged record</source>
      <translation>被合并档案</translation>
    </message>
    <message>
      <source>Taken from the merged record</source>
      <translation>从被合并档案取用</translation>
    </message>
    <message>
      <source>Moved over</source>
      <translation>转移</translation>
    </message>
    <message>
      <source>Volunteer moved</source>
      <translation>志愿者转移</translation>
    </message>
    <message>
      <source>Points rules</source>
      <translation>积分规则</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>red</source>
      <translation>红色</translation>
    </message>
    <message>
      <source>yellow</source>
      <translation>黄色</translation>
    </message>
    <message>
      <source>green</source>
      <translation>绿色</translation>
    </message>
    <message>
      <source>community</source>
      <translation>社区</translation>
    </message>
    <message>
      <source>town</source>
      <translation>街道</translation>
    </message>
    <message>
      <source>district</source>
      <translation>区</translation>
    </message>
    <message>
      <source>goods</source>
      <translation>实物</translation>
    </message>
    <message>
      <source>service</source>
      <translation>服务</translation>
    </message>
    <message>
      <source>centre</source>
      <translation>中心</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>{n} entries</source>
      <translation>共 {n} 条</translation>
    </message>
    <message>
      <source>No entries yet.</source>
      <translation>暂无日志。</translation>
    </message>
    <message>
      <source>Only what this user did</source>
      <translation>只看此用户的操作</translation>
    </message>
    <message>
      <source>From this day</source>
      <translation>从这一天起</translation>
    </message>
    <message>
      <source>Up to this day</source>
      <translation>到这一天为止</translation>
    </message>
    <message>
      <source>Only this action</source>
      <translation>只看此操作</translation>
    </message>
    <message>
      <source>All actions</source>
      <translation>全部操作</translation>
    </message>
    <message>
      <source>Only entries about this kind of object</source>
      <translation>只看此类对象</translation>
    </message>
    <message>
      <source>All objects</source>
      <translation>全部对象</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <source>Entries cannot be changed or deleted. ID numbers and phones are kept masked.</source>
      <translation>日志不可修改或删除。身份证号和电话以脱敏形式记录。</translation>
    </message>
    <message>
      <source>any</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>No entry matches these filters.</source>
      <translation>没有符合筛选条件的日志。</translation>
    </message>
    <message>
      <source>All users</source>
      <translation>全部用户</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Object</source>
      <translation>对象</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>修改前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>修改后</translation>
    </message>
    <message>
      <source>Audit log</source>
      <translation>操作日志</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
  </context>
  <context>
    <name>background</name>
    <message>
      <source>Stopping…</source>
      <translation>正在停止…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>backups</name>
    <message>
      <source>Replace the database in use
    {database}
with the backup
    {file}
({centre}, made {made})?

Everything entered since that backup is replaced. The current database is first kept in
    {kept}
The program closes after the restore; open it again to work on the restored data.</source>
      <translation>用备份
    {file}
（{centre}，{made} 生成）
替换正在使用的数据库
    {database}
吗？

该备份之后录入的所有内容都会被替换。当前数据库会先另存到
    {kept}
恢复后程序将关闭，请重新打开以使用恢复的数据。</translation>
    </message>
    <message>
      <source>The backup was restored. The replaced database was kept as:
{kept}

The program will now close; open it again.</source>
      <translation>已从备份恢复。被替换的数据库已另存为：
{kept}

程序即将关闭，请重新打开。</translation>
    </message>
    <message>
      <source>Backup and restore</source>
      <translation>备份与恢复</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Database in use</source>
      <translation>当前数据库</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <source>Backup folder</source>
      <translation>备份文件夹</translation>
    </message>
    <message>
      <source>A backup is made automatically once a day when someone logs in; the newest 30 are kept. Copy backups to a USB drive or another PC now and then.</source>
      <translation>每天第一次有人登录时自动备份一次，保留最近 30 份。请定期把备份复制到 U 盘或另一台电脑。</translation>
    </message>
    <message>
      <source>pg_dump (the PostgreSQL client tools) is not installed on this PC, so the server database cannot be backed up or restored here. Install them, or back up on the server.</source>
      <translation>本机未安装 pg_dump（PostgreSQL 客户端工具），无法在这里备份或恢复服务器数据库。请安装，或在服务器上备份。</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Every backup holds full ID numbers and phone numbers. With a password the backup is encrypted (AES-256); without the password it cannot be restored — keep it safe. A backup with a password also carries the audit-log key, so it can be restored on a new PC and work goes on; a backup without a password does not carry the key.</source>
      <translation>每份备份都含完整的身份证号和电话。设置密码后备份会加密（AES-256），没有密码就无法恢复，请妥善保管。带密码的备份还包含审计密钥，在新电脑上恢复后可以照常工作；不带密码的备份不含审计密钥。</translation>
    </message>
    <message>
      <source>Protect new backups with a password</source>
      <translation>为新备份设置密码</translation>
    </message>
    <message>
      <source>Also used to open a backup that has a password</source>
      <translation>恢复设有密码的备份时也在这里输入</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <source>Restore selected backup…</source>
      <translation>恢复所选备份…</translation>
    </message>
    <message>
      <source>Restore from a file…</source>
      <translation>从文件恢复…</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Verified, has a password</source>
      <translation>已校验，有密码</translation>
    </message>
    <message>
      <source>Damaged</source>
      <translation>已损坏</translation>
    </message>
    <message>
      <source>Backup made and verified: {path}</source>
      <translation>备份已完成并校验：{path}</translation>
    </message>
    <message>
      <source>Backing up</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Restore from a file</source>
      <translation>从文件恢复</translation>
    </message>
    <message>
      <source>Backups (*.zip)</source>
      <translation>备份文件 (*.zip)</translation>
    </message>
    <message>
      <source>unknown time</source>
      <translation>时间不详</translation>
    </message>
    <message>
      <source>unknown centre</source>
      <translation>中心不详</translation>
    </message>
    <message>
      <source>(there was no database before)</source>
      <translation>（原来没有数据库）</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Made at</source>
      <translation>备份时间</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Again</source>
      <translation>再输一次</translation>
    </message>
    <message>
      <source>No backups in this folder yet.</source>
      <translation>此文件夹中还没有备份。</translation>
    </message>
    <message>
      <source>Enter the password, or untick the password box.</source>
      <translation>请输入密码，或取消勾选“设置密码”。</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Restoring…</source>
      <translation>正在恢复…</translation>
    </message>
    <message>
      <source>The audit key the backup carried was installed on this PC.</source>
      <translation>备份中的审计密钥已安装到本机。</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>已校验</translation>
    </message>
    <message>
      <source>This backup has a password: enter it in the password box, then restore again.</source>
      <translation>此备份设有密码：请在密码框中输入后再恢复。</translation>
    </message>
    <message>
      <source>This PC already has a different audit key for this centre; it was not overwritten. The backup's key was kept beside it as:
{path}</source>
      <translation>本机已有该中心的另一把审计密钥，未被覆盖。备份中的密钥另存为：
{path}</translation>
    </message>
  </context>
  <context>
    <name>database</name>
    <message>
      <source>Database (takes effect after restarting the program)</source>
      <translation>数据库（重新启动程序后生效）</translation>
    </message>
    <message>
      <source>&amp;File on this PC (SQLite, one PC)</source>
      <translation>本机的数据库文件（SQLite，单台电脑）(&amp;F)</translation>
    </message>
    <message>
      <source>Database &amp;server (PostgreSQL, several PCs)</source>
      <translation>数据库服务器（PostgreSQL，多台电脑共用）(&amp;S)</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>Database name</source>
      <translation>数据库名</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>&amp;Test connection</source>
      <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
      <source>Save database setting</source>
      <translation>保存数据库设置</translation>
    </message>
    <message>
      <source>&amp;Move this centre to the server…</source>
      <translation>迁移到服务器(&amp;M)…</translation>
    </message>
    <message>
      <source>In use now: {name}</source>
      <translation>正在使用：{name}</translation>
    </message>
    <message>
      <source>Database file</source>
      <translation>数据库文件</translation>
    </message>
    <message>
      <source>Database (*.sqlite3 *.db)</source>
      <translation>数据库 (*.sqlite3 *.db)</translation>
    </message>
    <message>
      <source>Connecting to {host}…</source>
      <translation>正在连接 {host}…</translation>
    </message>
    <message>
      <source>(saved; type to change)</source>
      <translation>（已保存；输入新密码可更改）</translation>
    </message>
    <message>
      <source>The password is kept in this PC's credential store, never in the settings file.</source>
      <translation>密码保存在本机系统的凭据管理器中，不写入设置文件。</translation>
    </message>
    <message>
      <source>This PC has no credential store: the password is not kept, and the program asks for it each time it starts.</source>
      <translation>本机没有可用的凭据管理器：密码不会保存，程序每次启动时都会询问密码。</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>测试连接</translation>
    </message>
    <message>
      <source>Enter the database file's path, or choose it.</source>
      <translation>请输入数据库文件的路径，或点“选择…”。</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>端口</translation>
    </message>
    <message>
      <source>Please correct the highlighted fields.</source>
      <translation>请改正标出的栏目。</translation>
    </message>
    <message>
      <source>Saved. Restart the program to use the new database.</source>
      <translation>已保存。请重新启动程序以使用新的数据库。</translation>
    </message>
    <message>
      <source>Points in the ledger (available)</source>
      <translation>积分流水合计（可用）</translation>
    </message>
    <message>
      <source>Points in the ledger (frozen)</source>
      <translation>积分流水合计（冻结）</translation>
    </message>
    <message>
      <source>Points balances (available)</source>
      <translation>积分余额合计（可用）</translation>
    </message>
    <message>
      <source>Points balances (frozen)</source>
      <translation>积分余额合计（冻结）</translation>
    </message>
    <message>
      <source>Move this centre to the server</source>
      <translation>迁移到服务器</translation>
    </message>
    <message>
      <source>All of this centre's data is copied from the file into the empty database on the server, and checked: row counts, points totals and the audit log. The file is only read and stays as it is. If anything does not match, or you cancel, nothing is kept on the server.</source>
      <translation>把本中心的全部数据从数据库文件复制到服务器上的空数据库，并逐项核对：各表行数、积分合计和操作日志校验链。数据库文件只读取，不作任何改动。任何一项不符或您点了取消，服务器上都不会留下任何数据。</translation>
    </message>
    <message>
      <source>From (this PC's file)</source>
      <translation>源（本机数据库文件）</translation>
    </message>
    <message>
      <source>To (server database)</source>
      <translation>目标（服务器数据库）</translation>
    </message>
    <message>
      <source>&amp;Start moving</source>
      <translation>开始迁移(&amp;S)</translation>
    </message>
    <message>
      <source>Use the server on this PC</source>
      <translation>本机改用该服务器</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Checking the server…</source>
      <translation>正在检查服务器…</translation>
    </message>
    <message>
      <source>Copying {table}: {done} of {total} rows</source>
      <translation>正在复制 {table}：{done} / {total} 行</translation>
    </message>
    <message>
      <source>Done: the centre is on the server, and the copy checked.</source>
      <translation>完成：数据已迁移到服务器，并已核对无误。</translation>
    </message>
    <message>
      <source>Not moved.</source>
      <translation>未迁移。</translation>
    </message>
    <message>
      <source>Copied {tables} tables, {rows} rows in {seconds} s; the server database is at revision {rev}.</source>
      <translation>共复制 {tables} 个表、{rows} 行，用时 {seconds} 秒；服务器数据库版本 {rev}。</translation>
    </message>
    <message>
      <source>Checked, each the same in the file and on the server:</source>
      <translation>核对结果（数据库文件与服务器完全一致）：</translation>
    </message>
    <message>
      <source>  {table}: {rows} rows</source>
      <translation>  {table}：{rows} 行</translation>
    </message>
    <message>
      <source>  {what}: {total}</source>
      <translation>  {what}：{total}</translation>
    </message>
    <message>
      <source>  Audit log: {rows} entries, the chain verifies</source>
      <translation>  操作日志：{rows} 条，校验链完整</translation>
    </message>
    <message>
      <source>The file was not changed.</source>
      <translation>数据库文件未作任何改动。</translation>
    </message>
    <message>
      <source>Stopping… (the server database is being emptied again)</source>
      <translation>正在停止…（服务器数据库将恢复为空）</translation>
    </message>
    <message>
      <source>Note: {count} attachment files are in the folder beside the file, not in the database; copy them as the administrators' guide says.</source>
      <translation>注意：有 {count} 个附件文件在数据库文件旁的文件夹中，不在数据库里；请按管理员手册另行复制。</translation>
    </message>
    <message>
      <source>Password for the database server</source>
      <translation>数据库服务器密码</translation>
    </message>
    <message>
      <source>This PC has no credential store to keep the password in, so it is asked for at each start.</source>
      <translation>本机没有可用的凭据管理器来保存密码，因此每次启动时都需要输入。</translation>
    </message>
    <message>
      <source>No password is saved on this PC for this server yet.</source>
      <translation>本机还没有保存该服务器的密码。</translation>
    </message>
    <message>
      <source>&amp;Remember it on this PC (in the credential store)</source>
      <translation>在本机记住密码（保存在凭据管理器中）(&amp;R)</translation>
    </message>
    <message>
      <source>Connect</source>
      <translation>连接</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>服务器</translation>
    </message>
  </context>
  <context>
    <name>desktop</name>
    <message>
      <source>Registered</source>
      <translation>已登记</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>已派单</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>已受理</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>已答复</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>已办结</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已回访</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>已退回</translation>
    </message>
    <message>
      <source>Reopened</source>
      <translation>重办</translation>
    </message>
    <message>
      <source>Merged</source>
      <translation>已合并</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <source>Too many wrong passwords: this account is locked for {minutes} minutes.</source>
      <translation>密码错误次数过多，账号已锁定 {minutes} 分钟。</translation>
    </message>
    <message>
      <source>Too many wrong passwords: this account is locked for {minutes} more minutes.</source>
      <translation>密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
      <source>Enter the centre's name.</source>
      <translation>请填写中心名称。</translation>
    </message>
    <message>
      <source>Enter a user name.</source>
      <translation>请填写用户名。</translation>
    </message>
    <message>
      <source>Enter your user name and password.</source>
      <translation>请输入用户名和密码。</translation>
    </message>
    <message>
      <source>Enter the person's name.</source>
      <translation>请填写姓名。</translation>
    </message>
    <message>
      <source>This database has already been set up.</source>
      <translation>该数据库已完成初始设置。</translation>
    </message>
    <message>
      <source>This user no longer exists.</source>
      <translation>该用户已不存在。</translation>
    </message>
    <message>
      <source>You cannot remove your own administrator rights.</source>
      <translation>不能取消自己的管理员权限或停用自己的账号。</translation>
    </message>
    <message>
      <source>The user name {name} is taken.</source>
      <translation>用户名 {name} 已被使用。</translation>
    </message>
    <message>
      <source>The current password is wrong.</source>
      <translation>当前密码不正确。</translation>
    </message>
    <message>
      <source>Reading the database…</source>
      <translation>正在读取数据库…</translation>
    </message>
    <message>
      <source>The server database cannot be backed up on this PC: pg_dump (the PostgreSQL client tools) is not installed. Install them on this PC, or back up on the server.</source>
      <translation>本机无法备份服务器数据库：未安装 pg_dump（PostgreSQL 客户端工具）。请在本机安装，或在服务器上备份。</translation>
    </message>
    <message>
      <source>{url} is not a database address or file.</source>
      <translation>{url} 不是数据库地址或数据库文件。</translation>
    </message>
    <message>
      <source>{path} is a file; backups are written into a folder. Choose a folder.</source>
      <translation>{path} 是一个文件，备份要写入文件夹。请选择一个文件夹。</translation>
    </message>
    <message>
      <source>{url} is not a database of this program.</source>
      <translation>{url} 不是本程序的数据库。</translation>
    </message>
    <message>
      <source>Copying the database…</source>
      <translation>正在复制数据库…</translation>
    </message>
    <message>
      <source>The server database is at schema revision {rev}, not {head}; it is not upgraded for screenshots. Open it with the program first (which backs it up and upgrades it).</source>
      <translation>服务器数据库的结构版本是 {rev}，不是 {head}；截图不会升级它。请先用本程序打开一次（程序会先备份再升级）。</translation>
    </message>
    <message>
      <source>The backup folder {path} cannot be made: {why}</source>
      <translation>无法创建备份文件夹 {path}：{why}</translation>
    </message>
    <message>
      <source>The database could not be opened: {why}</source>
      <translation>无法打开数据库：{why}</translation>
    </message>
    <message>
      <source>The database file {path} does not exist.</source>
      <translation>数据库文件 {path} 不存在。</translation>
    </message>
    <message>
      <source>Writing the backup file…</source>
      <translation>正在写入备份文件…</translation>
    </message>
    <message>
      <source>Checking the backup file…</source>
      <translation>正在校验备份文件…</translation>
    </message>
    <message>
      <source>The database could not be copied: {why}</source>
      <translation>无法复制数据库：{why}</translation>
    </message>
    <message>
      <source>The backup could not be written: {why}</source>
      <translation>无法写入备份文件：{why}</translation>
    </message>
    <message>
      <source>The backup file is damaged at {name}.</source>
      <translation>备份文件在 {name} 处损坏。</translation>
    </message>
    <message>
      <source>The password of {name} is not correct; nothing was restored.</source>
      <translation>{name} 的密码不正确，未恢复任何内容。</translation>
    </message>
    <message>
      <source>{name} holds a file named {entry}, which would be written outside its folder. The backup was refused and nothing was restored.</source>
      <translation>{name} 中有一个名为 {entry} 的文件，会被写到它的文件夹之外。已拒绝此备份，未恢复任何内容。</translation>
    </message>
    <message>
      <source>{name} is not a backup of this program.</source>
      <translation>{name} 不是本程序的备份文件。</translation>
    </message>
    <message>
      <source>{name} is protected by a password. Enter the backup's password.</source>
      <translation>{name} 设有密码，请输入备份密码。</translation>
    </message>
    <message>
      <source>The centre's name has at most {n} characters.</source>
      <translation>中心名称最多 {n} 个字。</translation>
    </message>
    <message>
      <source>This PC does not have the audit-log key of this database, so nothing was saved. On the administrator's PC export the key (Settings → Database → Export audit key), then import it on this PC (the same page, or: main.py chain-key import FILE). If no PC and no password-protected backup has the key any more, an administrator replaces it: main.py chain-key replace.</source>
      <translation>本机没有该数据库的审计密钥，因此未保存任何内容。请在管理员电脑上导出密钥（设置 → 数据库 → 导出审计密钥），再在本机导入（同一页面，或：main.py chain-key import 文件）。如果所有电脑和带密码的备份中都已没有该密钥，由管理员更换密钥：main.py chain-key replace。</translation>
    </message>
    <message>
      <source>This account is locked for a while after wrong passwords; try again later.</source>
      <translation>该账号因多次输错密码暂时锁定，请稍后再试。</translation>
    </message>
    <message>
      <source>This key belongs to another database; nothing was imported.</source>
      <translation>该密钥属于另一个数据库，未导入。</translation>
    </message>
    <message>
      <source>This PC's audit-log key belongs to another database, so nothing was saved. Import this database's key from the administrator's PC (Settings → Database → Import audit key).</source>
      <translation>本机的审计密钥属于另一个数据库，未保存任何内容。请从管理员电脑导入本数据库的密钥（系统设置 → 数据库 → 导入审计密钥）。</translation>
    </message>
    <message>
      <source>This PC has no audit key for this database, so there is nothing to export.</source>
      <translation>本机没有该数据库的审计密钥，无法导出。</translation>
    </message>
    <message>
      <source>This database's audit log has no key yet, so there is no key to replace.</source>
      <translation>该数据库的审计日志还没有密钥，无需更换。</translation>
    </message>
    <message>
      <source>This PC has the audit key of this database; it is not lost and was not replaced.</source>
      <translation>本机有该数据库的审计密钥，密钥并未丢失，未做更换。</translation>
    </message>
    <message>
      <source>The key file cannot be written: {why}</source>
      <translation>无法写入密钥文件：{why}</translation>
    </message>
    <message>
      <source>The key file cannot be read: {why}</source>
      <translation>无法读取密钥文件：{why}</translation>
    </message>
    <message>
      <source>This file is not an audit key of this program.</source>
      <translation>该文件不是本程序的审计密钥。</translation>
    </message>
    <message>
      <source>Another PC has just made this database's audit key; import it here.</source>
      <translation>另一台电脑刚刚生成了该数据库的审计密钥，请将其导入本机。</translation>
    </message>
    <message>
      <source>The audit key was replaced on another PC a moment ago; nothing was changed here.</source>
      <translation>审计密钥刚刚已在另一台电脑上更换，本机未做任何更改。</translation>
    </message>
    <message>
      <source>The database is being restored from a backup right now. Please wait a minute and try again.</source>
      <translation>数据库正在从备份恢复，请稍等一分钟再试。</translation>
    </message>
    <message>
      <source>Another program is opening or restoring this database. Please try again.</source>
      <translation>另一个程序正在打开或恢复此数据库，请稍后再试。</translation>
    </message>
    <message>
      <source>The database is open in {count} other program(s) ({names}). Close the program on every PC and window that uses it, then restore again; nothing was changed.</source>
      <translation>数据库正被其他 {count} 个程序打开（{names}）。请关闭所有使用它的电脑和窗口中的本程序，然后再恢复；未做任何更改。</translation>
    </message>
    <message>
      <source>The move was cancelled. Nothing was kept on the server: its database is empty again.</source>
      <translation>已取消迁移。服务器上没有留下任何数据，数据库已恢复为空。</translation>
    </message>
    <message>
      <source>The target must be a PostgreSQL database (postgresql+psycopg://user@host:5432/name).</source>
      <translation>目标必须是 PostgreSQL 数据库（postgresql+psycopg://用户@服务器:5432/数据库名）。</translation>
    </message>
    <message>
      <source>The connection failed: {why}</source>
      <translation>连接失败：{why}</translation>
    </message>
    <message>
      <source>The server database is not empty (it has {count} tables, e.g. {names}). A centre is moved only into an empty database, so that nothing there is overwritten: ask whoever runs the server for a new, empty database.</source>
      <translation>服务器上的数据库不是空的（已有 {count} 个表，例如 {names}）。为避免覆盖已有数据，只能迁移到空数据库：请服务器管理员新建一个空数据库。</translation>
    </message>
    <message>
      <source>There is no database file at {path}.</source>
      <translation>{path} 处没有数据库文件。</translation>
    </message>
    <message>
      <source>{path} is not this program's database (it has no schema revision).</source>
      <translation>{path} 不是本程序的数据库（没有版本信息）。</translation>
    </message>
    <message>
      <source>The file is at revision {rev}, this program at {head}. Open the file once with this version of the program (it is upgraded after a backup), then move it.</source>
      <translation>该文件的版本是 {rev}，本程序是 {head}。请先用本版本程序打开一次该文件（会先备份再升级），然后再迁移。</translation>
    </message>
    <message>
      <source>This PC does not have the audit-log key of this database, so the copied audit log could not be verified. Import the key first (设置 → 数据库 → 导入审计密钥), then move.</source>
      <translation>本机没有该数据库的审计密钥，无法校验复制后的操作日志。请先导入审计密钥（设置 → 数据库 → 导入审计密钥），再迁移。</translation>
    </message>
    <message>
      <source>{path} is not a database file this program can read: {why}</source>
      <translation>{path} 不是本程序能读取的数据库文件：{why}</translation>
    </message>
    <message>
      <source>The audit log of the copy does not verify ({first}); nothing was kept.</source>
      <translation>副本的操作日志校验未通过（{first}），服务器上未保留任何数据。</translation>
    </message>
    <message>
      <source>The copy lacks the append-only protection ({names}); nothing was kept.</source>
      <translation>副本缺少只增不改保护（{names}），服务器上未保留任何数据。</translation>
    </message>
    <message>
      <source>The server database is not empty (it has {count} tables); nothing was copied.</source>
      <translation>服务器上的数据库不是空的（已有 {count} 个表），未复制任何数据。</translation>
    </message>
    <message>
      <source>The file lacks tables this version expects ({names}); nothing was copied.</source>
      <translation>该文件缺少本版本需要的表（{names}），未复制任何数据。</translation>
    </message>
    <message>
      <source>The move failed and nothing was kept on the server: {why}</source>
      <translation>迁移失败，服务器上未保留任何数据：{why}</translation>
    </message>
    <message>
      <source>The copy of table {table} does not match the file ({a} rows, {b} copied); nothing was kept.</source>
      <translation>表 {table} 的副本与文件不一致（文件 {a} 行，复制 {b} 行），服务器上未保留任何数据。</translation>
    </message>
    <message>
      <source>The points totals of the copy do not match the file ({what}: {a} ≠ {b}); nothing was kept.</source>
      <translation>副本的积分合计与文件不一致（{what}：{a} ≠ {b}），服务器上未保留任何数据。</translation>
    </message>
    <message>
      <source>A password needs at least {n} characters.</source>
      <translation>密码至少 {n} 位。</translation>
    </message>
    <message>
      <source>The two passwords do not match.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>{name} does not hold a database of this program. Nothing was restored.</source>
      <translation>{name} 里不是本程序的数据库，未恢复任何内容。</translation>
    </message>
    <message>
      <source>{name} was made by a newer version of the program (schema revision {rev}). Install that version first; nothing was restored and the database was left untouched.</source>
      <translation>{name} 由较新版本的程序生成（结构版本 {rev}）。请先安装该版本；未恢复任何内容，数据库保持原样。</translation>
    </message>
    <message>
      <source>{name} is a backup of another centre ({other}), not of {this}. Nothing was restored; the database was left untouched.</source>
      <translation>{name} 是另一个中心（{other}）的备份，不是{this}的。未恢复任何内容，数据库保持原样。</translation>
    </message>
    <message>
      <source>The server database is open in {count} other session(s). Close the program on every PC that uses it, then restore again; nothing was changed.</source>
      <translation>服务器数据库正被其他 {count} 个连接使用。请关闭所有电脑上的本程序后再恢复；未做任何更改。</translation>
    </message>
    <message>
      <source>{name} is a backup of a database file; the database in use is on a server. Nothing was restored.</source>
      <translation>{name} 是数据库文件的备份，而当前使用的是服务器数据库。未恢复任何内容。</translation>
    </message>
    <message>
      <source>{name} is a backup of a server database and cannot be restored into a database file. Nothing was restored.</source>
      <translation>{name} 是服务器数据库的备份，不能恢复到数据库文件。未恢复任何内容。</translation>
    </message>
    <message>
      <source>The current database could not be kept, so nothing was restored: {why}</source>
      <translation>无法另存当前数据库，因此未恢复：{why}</translation>
    </message>
    <message>
      <source>The backup could not be restored; the database was left as it was: {why}</source>
      <translation>备份未能恢复，数据库保持原样：{why}</translation>
    </message>
    <message>
      <source>The database in {name} is damaged; nothing was restored.</source>
      <translation>{name} 中的数据库已损坏，未做任何恢复。</translation>
    </message>
    <message>
      <source>This PC has no credential store to keep the password in, so the program will ask for the server's password each time it starts.</source>
      <translation>本机没有可用的凭据管理器来保存密码，程序每次启动时会询问服务器密码。</translation>
    </message>
    <message>
      <source>Saved. Restart the program to use the database on the server.</source>
      <translation>已保存。请重新启动程序以使用服务器上的数据库。</translation>
    </message>
    <message>
      <source>Enter the server's name or IP address, e.g. 192.168.1.10.</source>
      <translation>请输入服务器的名称或 IP 地址，例如 192.168.1.10。</translation>
    </message>
    <message>
      <source>Enter the port (usually 5432).</source>
      <translation>请输入端口（通常为 5432）。</translation>
    </message>
    <message>
      <source>Enter the name of the database on the server, e.g. shequ.</source>
      <translation>请输入服务器上的数据库名，例如 shequ。</translation>
    </message>
    <message>
      <source>Enter the user name for the server.</source>
      <translation>请输入服务器的用户名。</translation>
    </message>
    <message>
      <source>Connected: PostgreSQL {version}. The database {database} is this program's and up to date (revision {rev}).</source>
      <translation>已连接：PostgreSQL {version}。数据库 {database} 是本程序的数据库，已是最新版本（{rev}）。</translation>
    </message>
    <message>
      <source>Only an administrator can change where the database is.</source>
      <translation>只有管理员可以更改数据库位置。</translation>
    </message>
    <message>
      <source>Saved. This PC has no credential store to keep the password in, so the program will ask for the server's password each time it starts. Restart the program to use the database on the server.</source>
      <translation>已保存。本机没有可用的凭据管理器来保存密码，程序每次启动时会询问服务器密码。请重新启动程序以使用服务器上的数据库。</translation>
    </message>
    <message>
      <source>The server address may contain letters, digits, dots and hyphens only, e.g. 192.168.1.10.</source>
      <translation>服务器地址只能包含字母、数字、点和连字符，例如 192.168.1.10。</translation>
    </message>
    <message>
      <source>The port is a number from 1 to 65535 (usually 5432).</source>
      <translation>端口须是 1 到 65535 之间的数字（通常为 5432）。</translation>
    </message>
    <message>
      <source>The password could not be saved in this PC's credential store: {why}</source>
      <translation>密码无法保存到本机的凭据管理器：{why}</translation>
    </message>
    <message>
      <source>No database server answers at {host}, port {port}. Check the address and the port, that the server is switched on and that its firewall lets this PC in.</source>
      <translation>{host} 的端口 {port} 上没有数据库服务器应答。请检查地址和端口是否正确、服务器是否开机、防火墙是否允许本机连接。</translation>
    </message>
    <message>
      <source>The server refused the password of user {user}. Check the password.</source>
      <translation>服务器拒绝了用户 {user} 的密码，请检查密码。</translation>
    </message>
    <message>
      <source>The server asks for a password for user {user}: enter it.</source>
      <translation>服务器要求用户 {user} 提供密码，请输入密码。</translation>
    </message>
    <message>
      <source>The server at {host} has no database named {database}. Ask whoever runs the server to create it (an empty database), or check the name.</source>
      <translation>服务器 {host} 上没有名为 {database} 的数据库。请检查名称，或请服务器管理员新建一个空数据库。</translation>
    </message>
    <message>
      <source>The server at {host} has no user named {user}. Check the user name.</source>
      <translation>服务器 {host} 上没有名为 {user} 的用户，请检查用户名。</translation>
    </message>
    <message>
      <source>Connected: PostgreSQL {version}. The database {database} is empty: the program sets it up on first start, or move this centre's data into it (迁移到服务器).</source>
      <translation>已连接：PostgreSQL {version}。数据库 {database} 是空的：程序首次启动时会自动建表，也可以把本中心的数据迁移进去（迁移到服务器）。</translation>
    </message>
    <message>
      <source>Connected: PostgreSQL {version}, but the database {database} holds another program's tables ({count} tables). Use an empty database or this program's.</source>
      <translation>已连接：PostgreSQL {version}，但数据库 {database} 中是其他程序的数据（{count} 个表）。请使用空数据库或本程序的数据库。</translation>
    </message>
    <message>
      <source>Connected: PostgreSQL {version}. The database {database} was written by a newer version of the program (revision {rev}): install the newer version on this PC.</source>
      <translation>已连接：PostgreSQL {version}。数据库 {database} 由更新版本的程序写入（版本 {rev}），请在本机安装新版本。</translation>
    </message>
    <message>
      <source>Connected: PostgreSQL {version}. The database {database} is this program's, at revision {rev}; it will be upgraded to {head} when the program starts.</source>
      <translation>已连接：PostgreSQL {version}。数据库 {database} 是本程序的数据库，版本 {rev}；程序启动时会升级到 {head}。</translation>
    </message>
    <message>
      <source>Use at most 63 letters or digits, without / @ : ? #.</source>
      <translation>最多 63 个字母或数字，不能包含 / @ : ? #。</translation>
    </message>
    <message>
      <source>Choose a language.</source>
      <translation>请选择语言。</translation>
    </message>
    <message>
      <source>{path} is on a network drive. A database file on a shared folder gets damaged when several PCs write to it. Keep the file on this PC, or let several PCs share a PostgreSQL server (choose 数据库服务器 above).</source>
      <translation>{path} 在网络驱动器上。数据库文件放在共享文件夹里，多台电脑同时写入会损坏文件。请把文件放在本机，或让多台电脑共用 PostgreSQL 服务器（选择上面的“数据库服务器”）。</translation>
    </message>
    <message>
      <source>The file {name} is empty.</source>
      <translation>文件 {name} 为空。</translation>
    </message>
    <message>
      <source>The file {name} is {mb} MB; at most {max} MB can be attached.</source>
      <translation>文件 {name} 大小为 {mb} MB，附件最大 {max} MB。</translation>
    </message>
    <message>
      <source>The file {name} is not in the attachment store; it may have been added on another PC before files were shared. Ask the PC that added it to open it once.</source>
      <translation>附件库中没有文件 {name}；它可能是在启用共享附件之前在另一台电脑上添加的。请在添加它的那台电脑上打开一次该附件。</translation>
    </message>
    <message>
      <source>The file {name} cannot be read.</source>
      <translation>无法读取文件 {name}。</translation>
    </message>
    <message>
      <source>No folder for attachments is set up.</source>
      <translation>尚未设置附件存放文件夹。</translation>
    </message>
    <message>
      <source>The file {name} could not be saved: {why}</source>
      <translation>无法保存文件 {name}：{why}</translation>
    </message>
    <message>
      <source>The file {name} could not be stored: {why}</source>
      <translation>无法保存文件 {name}：{why}</translation>
    </message>
    <message>
      <source>{who} changed this record at {time}, after you opened it. Nothing was saved; close it and open it again to see the change.</source>
      <translation>{who} 在 {time} 修改了这条记录（在您打开之后）。本次未保存；请关闭后重新打开，查看对方的修改。</translation>
    </message>
    <message>
      <source>This record was changed at another desk after you opened it. Nothing was saved; close it and open it again to see the change.</source>
      <translation>您打开这条记录后，另一台电脑修改了它。本次未保存；请关闭后重新打开，查看对方的修改。</translation>
    </message>
    <message>
      <source>The database is busy: another program or PC is holding it. Nothing was saved; please try again in a moment.</source>
      <translation>数据库正忙：另一个程序或另一台电脑正在使用它。刚才的内容没有保存，请稍后再试。</translation>
    </message>
    <message>
      <source>The connection to the database server was lost. Nothing was saved; check the network and the server, then try again.</source>
      <translation>与数据库服务器的连接已断开。刚才的内容没有保存，请检查网络和服务器后再试。</translation>
    </message>
    <message>
      <source>The disk is full. Nothing was saved; free some space and try again.</source>
      <translation>磁盘已满。刚才的内容没有保存，请清理出空间后再试。</translation>
    </message>
    <message>
      <source>The database cannot be written to (read-only file or server). Nothing was saved; ask the administrator.</source>
      <translation>数据库无法写入（文件或服务器为只读）。刚才的内容没有保存，请联系系统管理员。</translation>
    </message>
    <message>
      <source>The database file is damaged or is not a database of this program. Ask the administrator to restore the latest backup.</source>
      <translation>数据库文件已损坏，或者不是本程序的数据库。请联系系统管理员恢复最近的备份。</translation>
    </message>
    <message>
      <source>You are not allowed to do this.</source>
      <translation>您没有执行此操作的权限。</translation>
    </message>
    <message>
      <source>Please correct the highlighted fields.</source>
      <translation>请修改标红的项目。</translation>
    </message>
    <message>
      <source>Front desk</source>
      <translation>前台接待</translation>
    </message>
    <message>
      <source>Volunteer coordinator</source>
      <translation>志愿者协调员</translation>
    </message>
    <message>
      <source>Director</source>
      <translation>主任</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>系统管理员</translation>
    </message>
    <message>
      <source>Grid worker</source>
      <translation>网格员</translation>
    </message>
    <message>
      <source>Your account was deactivated. Nothing was saved; please ask the administrator.</source>
      <translation>您的账号已被停用，未保存任何内容；请联系系统管理员。</translation>
    </message>
    <message>
      <source>Your role was changed by the administrator. Nothing was saved; please sign in again.</source>
      <translation>管理员已更改您的角色，未保存任何内容；请重新登录。</translation>
    </message>
    <message>
      <source>A text is too long to be stored: at most {limit} characters. Nothing was saved.</source>
      <translation>文字太长，无法保存：最多 {limit} 个字。未保存任何内容。</translation>
    </message>
    <message>
      <source>Enter the ID number.</source>
      <translation>请填写身份证号。</translation>
    </message>
    <message>
      <source>An ID number has 18 characters; this one has {count}.</source>
      <translation>身份证号应为 18 位，当前为 {count} 位。</translation>
    </message>
    <message>
      <source>An ID number is 17 digits followed by a digit or X.</source>
      <translation>身份证号由 17 位数字加 1 位数字或 X 组成。</translation>
    </message>
    <message>
      <source>The check character of this ID number is wrong; please re-check it.</source>
      <translation>身份证号校验位不正确，请核对。</translation>
    </message>
    <message>
      <source>The birth date {date} in this ID number is not possible.</source>
      <translation>身份证号中的出生日期 {date} 不合理。</translation>
    </message>
    <message>
      <source>Enter the phone number.</source>
      <translation>请填写电话号码。</translation>
    </message>
    <message>
      <source>A phone number may contain only digits and a dash.</source>
      <translation>电话号码只能包含数字和短横线。</translation>
    </message>
    <message>
      <source>Enter a landline with its area code, e.g. 0533-1234567.</source>
      <translation>座机请带区号，例如 0533-1234567。</translation>
    </message>
    <message>
      <source>This landline number is not valid; check the area code and length.</source>
      <translation>座机号码无效，请检查区号和位数。</translation>
    </message>
    <message>
      <source>Enter the unified social credit code.</source>
      <translation>请输入统一社会信用代码。</translation>
    </message>
    <message>
      <source>A unified social credit code has 18 characters; this one has {count}.</source>
      <translation>统一社会信用代码为 18 位，此代码为 {count} 位。</translation>
    </message>
    <message>
      <source>A unified social credit code cannot contain {chars} (the letters I, O, Z, S and V are not used).</source>
      <translation>统一社会信用代码不能包含 {chars}（不使用字母 I、O、Z、S、V）。</translation>
    </message>
    <message>
      <source>Characters 3–8 of a unified social credit code are the area code: six digits.</source>
      <translation>统一社会信用代码第 3–8 位是登记管理机关行政区划码，应为六位数字。</translation>
    </message>
    <message>
      <source>The text contains an invisible control character (NUL) that cannot be stored. Delete it, or type the text again instead of pasting it.</source>
      <translation>文字中含有无法保存的不可见控制字符（NUL）。请删除它，或重新输入文字而不要粘贴。</translation>
    </message>
    <message>
      <source>This text is too long: at most {limit} characters, it has {count}.</source>
      <translation>文字太长：最多 {limit} 个字，现有 {count} 个字。</translation>
    </message>
    <message>
      <source>The birth date {date} in this ID number does not exist.</source>
      <translation>身份证号中的出生日期 {date} 不存在。</translation>
    </message>
    <message>
      <source>The area code {code} is not in the current list (it may have been abolished).</source>
      <translation>地区码 {code} 不在现行区划中（可能是已撤销的旧区划），请核对。</translation>
    </message>
    <message>
      <source>A mobile number has 11 digits and starts with 13–19.</source>
      <translation>手机号应为 11 位，以 13–19 开头。</translation>
    </message>
    <message>
      <source>The check character of this code should be {expected}; please re-check the code.</source>
      <translation>按校验规则，此代码的校验码应为 {expected}，请核对代码。</translation>
    </message>
    <message>
      <source>Unknown demo scale {scale}.</source>
      <translation>未知的演示数据规模 {scale}。</translation>
    </message>
    <message>
      <source>The database already has data; demo data goes only into a new one.</source>
      <translation>该数据库已有数据，演示数据只能写入新数据库。</translation>
    </message>
    <message>
      <source>{date} is not a date (write it as 1980-5-3).</source>
      <translation>{date} 不是日期（请写成 1980-5-3 这样）。</translation>
    </message>
    <message>
      <source>{value} is not a gender: write 男 or 女 (or M/F, 1/2).</source>
      <translation>{value} 不是性别：请填“男”或“女”（也可填 M/F、1/2）。</translation>
    </message>
    <message>
      <source>{value} is not a number of hours.</source>
      <translation>{value} 不是小时数。</translation>
    </message>
    <message>
      <source>{value} is not a whole number of points.</source>
      <translation>{value} 不是整数积分。</translation>
    </message>
    <message>
      <source>{date} is not a real date.</source>
      <translation>{date} 不是真实存在的日期。</translation>
    </message>
    <message>
      <source>Excel stored this ID number as a number and lost its last digits ({value}); format the column as text and type the number again.</source>
      <translation>Excel 把身份证号存成了数字，末几位已经丢失（{value}）；请把该列设为文本格式后重新录入号码。</translation>
    </message>
    <message>
      <source>This ID number is masked ({value}); the full number is needed.</source>
      <translation>身份证号被遮挡（{value}），需要完整号码。</translation>
    </message>
    <message>
      <source>The same person as row {row}.</source>
      <translation>与第 {row} 行是同一个人。</translation>
    </message>
    <message>
      <source>This ID number belongs to {name} (No. {id}) in the register, not to {other}.</source>
      <translation>档案中此身份证号属于{name}（编号 {id}），不是{other}。</translation>
    </message>
    <message>
      <source>{name} (No. {id}) is archived in the register; restore the record first.</source>
      <translation>{name}（编号 {id}）在档案中已归档，请先恢复该档案。</translation>
    </message>
    <message>
      <source>{value} is not a residence status: write one of {choices}.</source>
      <translation>{value} 不是人户状态：请填 {choices} 之一。</translation>
    </message>
    <message>
      <source>{name} is already a volunteer.</source>
      <translation>{name} 已经是志愿者。</translation>
    </message>
    <message>
      <source>The gender {gender} contradicts the ID number ({expected}).</source>
      <translation>性别“{gender}”与身份证号不符（身份证号为{expected}）。</translation>
    </message>
    <message>
      <source>The birth date {date} contradicts the ID number ({expected}).</source>
      <translation>出生日期 {date} 与身份证号不符（身份证号为 {expected}）。</translation>
    </message>
    <message>
      <source>There is no grid named {name}.</source>
      <translation>没有名为“{name}”的网格。</translation>
    </message>
    <message>
      <source>A team name has at most {n} characters.</source>
      <translation>服务队名称最多 {n} 个字。</translation>
    </message>
    <message>
      <source>This ID number is already registered to {name} (No. {id}).</source>
      <translation>该身份证号已登记在 {name}（档案号 {id}）名下。</translation>
    </message>
    <message>
      <source>{name} with this phone is already in the register (No. {id}).</source>
      <translation>档案中已有同名同电话的{name}（编号 {id}）。</translation>
    </message>
    <message>
      <source>The registration date cannot be in the future.</source>
      <translation>注册日期不能晚于今天。</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>居民档案</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>诉求</translation>
    </message>
    <message>
      <source>Volunteers</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>Points ledger</source>
      <translation>积分台账</translation>
    </message>
    <message>
      <source>Service orders</source>
      <translation>服务订单</translation>
    </message>
    <message>
      <source>Redemptions</source>
      <translation>兑换记录</translation>
    </message>
    <message>
      <source>This database has no service orders.</source>
      <translation>此数据库没有服务订单。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>现住址</translation>
    </message>
    <message>
      <source>Registered (hukou) address</source>
      <translation>户籍地址</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Building</source>
      <translation>楼栋</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单元</translation>
    </message>
    <message>
      <source>Room</source>
      <translation>门牌</translation>
    </message>
    <message>
      <source>Residence status</source>
      <translation>人户状态</translation>
    </message>
    <message>
      <source>Ethnicity</source>
      <translation>民族</translation>
    </message>
    <message>
      <source>Political status</source>
      <translation>政治面貌</translation>
    </message>
    <message>
      <source>Key groups</source>
      <translation>重点人群</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Volunteer team</source>
      <translation>志愿服务队</translation>
    </message>
    <message>
      <source>Registration date</source>
      <translation>注册日期</translation>
    </message>
    <message>
      <source>Total service hours</source>
      <translation>累计服务时长</translation>
    </message>
    <message>
      <source>Points balance</source>
      <translation>积分余额</translation>
    </message>
    <message>
      <source>There is no sheet named {sheet} in {name}.</source>
      <translation>{name} 中没有名为“{sheet}”的工作表。</translation>
    </message>
    <message>
      <source>Choose the column that holds the names (姓名).</source>
      <translation>请选择哪一列是姓名。</translation>
    </message>
    <message>
      <source>{errors} of {total} rows have errors, so nothing was imported. Correct them (see the error report) or import only the valid rows.</source>
      <translation>{total} 行中有 {errors} 行有错误，所以没有导入任何数据。请改正（见错误报告），或选择只导入正确的行。</translation>
    </message>
    <message>
      <source>There is no valid row to import.</source>
      <translation>没有可以导入的正确行。</translation>
    </message>
    <message>
      <source>Volunteers cannot be imported here.</source>
      <translation>这里不能导入志愿者。</translation>
    </message>
    <message>
      <source>The register changed since the preview (row {row}); check the file again.</source>
      <translation>预览之后档案有了变化（第 {row} 行），请重新检查文件。</translation>
    </message>
    <message>
      <source>Same name and birth date</source>
      <translation>同名且出生日期相同</translation>
    </message>
    <message>
      <source>Same phone</source>
      <translation>电话相同</translation>
    </message>
    <message>
      <source>Same name and address</source>
      <translation>同名且住址相同</translation>
    </message>
    <message>
      <source>requests</source>
      <translation>条诉求</translation>
    </message>
    <message>
      <source>service orders</source>
      <translation>个服务订单</translation>
    </message>
    <message>
      <source>Choose two different residents.</source>
      <translation>请选择两个不同的居民。</translation>
    </message>
    <message>
      <source>This resident no longer exists.</source>
      <translation>该居民档案已不存在。</translation>
    </message>
    <message>
      <source>An archived record cannot be merged; restore it first.</source>
      <translation>已归档的档案不能合并，请先恢复。</translation>
    </message>
    <message>
      <source>Both records are volunteers with their own points; two accounts cannot be merged.</source>
      <translation>两条档案都是志愿者且各有积分，两个积分账户不能合并。</translation>
    </message>
    <message>
      <source>The file {name} could not be read: {why}</source>
      <translation>无法读取文件 {name}：{why}</translation>
    </message>
    <message>
      <source>No header row was found: the sheet has no row of column names.</source>
      <translation>没有找到表头：工作表中没有列名所在的行。</translation>
    </message>
    <message>
      <source>{name} is not an Excel or CSV file (.xlsx, .xls, .csv).</source>
      <translation>{name} 不是 Excel 或 CSV 文件（.xlsx、.xls、.csv）。</translation>
    </message>
    <message>
      <source>The file {name} does not exist.</source>
      <translation>文件 {name} 不存在。</translation>
    </message>
    <message>
      <source>The sheet {sheet} is empty.</source>
      <translation>工作表“{sheet}”是空的。</translation>
    </message>
    <message>
      <source>{name} could not be written: is it open in Excel? Close it and try again.</source>
      <translation>无法写入 {name}：是否正在 Excel 中打开？请关闭后重试。</translation>
    </message>
    <message>
      <source>{name} could not be written: {why}</source>
      <translation>无法写入 {name}：{why}</translation>
    </message>
    <message>
      <source>Enter a whole number of points, not zero (negative to deduct).</source>
      <translation>请填写积分整数，不能为零（扣减请填负数）。</translation>
    </message>
    <message>
      <source>An adjustment needs a reason.</source>
      <translation>调整积分须填写原因。</translation>
    </message>
    <message>
      <source>This volunteer no longer exists.</source>
      <translation>该志愿者已不存在。</translation>
    </message>
    <message>
      <source>This ledger entry no longer exists.</source>
      <translation>该积分记录已不存在。</translation>
    </message>
    <message>
      <source>Reversing more than {n} points needs a director.</source>
      <translation>冲正超过 {n} 分须由主任操作。</translation>
    </message>
    <message>
      <source>Cancel the redemption instead; it gives back the items' stock too.</source>
      <translation>请改为取消兑换，这样库存也会退回。</translation>
    </message>
    <message>
      <source>A reversal needs a reason.</source>
      <translation>冲正须填写原因。</translation>
    </message>
    <message>
      <source>Earlier hours and points cannot be negative.</source>
      <translation>原有服务时长和积分不能为负数。</translation>
    </message>
    <message>
      <source>Earned</source>
      <translation>获得</translation>
    </message>
    <message>
      <source>Redeemed</source>
      <translation>兑换</translation>
    </message>
    <message>
      <source>Frozen</source>
      <translation>冻结</translation>
    </message>
    <message>
      <source>Released</source>
      <translation>解冻</translation>
    </message>
    <message>
      <source>Adjusted</source>
      <translation>调整</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>过期清算</translation>
    </message>
    <message>
      <source>Reversal</source>
      <translation>冲正</translation>
    </message>
    <message>
      <source>Opening balance</source>
      <translation>期初余额</translation>
    </message>
    <message>
      <source>Not enough points: {available} available, {needed} needed.</source>
      <translation>积分不足：可用 {available} 分，需要 {needed} 分。</translation>
    </message>
    <message>
      <source>Not enough frozen points for this change.</source>
      <translation>冻结积分不足，无法完成此操作。</translation>
    </message>
    <message>
      <source>A reversal cannot itself be reversed; make an adjustment instead.</source>
      <translation>冲正记录不能再冲正，请改用积分调整。</translation>
    </message>
    <message>
      <source>This entry has already been reversed.</source>
      <translation>该记录已经冲正过。</translation>
    </message>
    <message>
      <source>Points per hour must be between 1 and 1000.</source>
      <translation>每小时积分应在 1 到 1000 之间。</translation>
    </message>
    <message>
      <source>The daily cap must be between 0.5 and 24 hours.</source>
      <translation>每日上限应在 0.5 到 24 小时之间。</translation>
    </message>
    <message>
      <source>The threshold cannot be negative.</source>
      <translation>阈值不能为负数。</translation>
    </message>
    <message>
      <source>Enter a title of at most 100 characters.</source>
      <translation>请填写活动名称，最多 100 个字。</translation>
    </message>
    <message>
      <source>The date is too far in the future.</source>
      <translation>日期太远了。</translation>
    </message>
    <message>
      <source>The multiplier must be between 0.1 and 10.</source>
      <translation>倍数应在 0.1 到 10 之间。</translation>
    </message>
    <message>
      <source>This service record no longer exists.</source>
      <translation>该服务记录已不存在。</translation>
    </message>
    <message>
      <source>This record has already been decided.</source>
      <translation>该记录已审核过。</translation>
    </message>
    <message>
      <source>Add at least one volunteer.</source>
      <translation>请至少添加一名志愿者。</translation>
    </message>
    <message>
      <source>Service cannot be recorded for a future date.</source>
      <translation>不能录入未来日期的服务时长。</translation>
    </message>
    <message>
      <source>Write why the hours are rejected.</source>
      <translation>请填写驳回原因。</translation>
    </message>
    <message>
      <source>This activity no longer exists.</source>
      <translation>该活动已不存在。</translation>
    </message>
    <message>
      <source>Hours must be more than zero.</source>
      <translation>服务时长须大于零。</translation>
    </message>
    <message>
      <source>A volunteer is listed twice.</source>
      <translation>同一名志愿者被列了两次。</translation>
    </message>
    <message>
      <source>This person is not an active volunteer.</source>
      <translation>此人不是在册志愿者。</translation>
    </message>
    <message>
      <source>{name} would have more than 24 hours of service on {date}.</source>
      <translation>{name} 在 {date} 的服务时长将超过 24 小时。</translation>
    </message>
    <message>
      <source>Waiting for handover</source>
      <translation>待核销</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已撤销</translation>
    </message>
    <message>
      <source>This redemption no longer exists.</source>
      <translation>该兑换记录已不存在。</translation>
    </message>
    <message>
      <source>Enter a name of at most 32 characters.</source>
      <translation>请填写名称，最多 32 个字。</translation>
    </message>
    <message>
      <source>The price is a whole number of points above zero.</source>
      <translation>兑换积分须为大于零的整数。</translation>
    </message>
    <message>
      <source>The stock is a whole number, zero or more.</source>
      <translation>库存须为零或正整数。</translation>
    </message>
    <message>
      <source>Choose goods or service.</source>
      <translation>请选择物品或服务。</translation>
    </message>
    <message>
      <source>Only a redemption waiting for handover can be handed over.</source>
      <translation>只有待核销的兑换才能核销。</translation>
    </message>
    <message>
      <source>This redemption has already been cancelled.</source>
      <translation>该兑换已经取消。</translation>
    </message>
    <message>
      <source>This item no longer exists.</source>
      <translation>该商品已不存在。</translation>
    </message>
    <message>
      <source>Choose at least one item.</source>
      <translation>请至少选择一件商品。</translation>
    </message>
    <message>
      <source>Quantities are whole numbers above zero.</source>
      <translation>数量须为正整数。</translation>
    </message>
    <message>
      <source>Write why the redemption is cancelled.</source>
      <translation>请填写取消兑换的原因。</translation>
    </message>
    <message>
      <source>There is already an item named {name}.</source>
      <translation>已有名为 {name} 的商品。</translation>
    </message>
    <message>
      <source>An item is no longer offered.</source>
      <translation>有商品已下架。</translation>
    </message>
    <message>
      <source>Only {stock} of {name} left.</source>
      <translation>{name} 只剩 {stock} 件。</translation>
    </message>
    <message>
      <source>Enter a team name of at most 32 characters.</source>
      <translation>请填写服务队名称，最多 32 个字。</translation>
    </message>
    <message>
      <source>There is already a team named {name}.</source>
      <translation>已有名为 {name} 的服务队。</translation>
    </message>
    <message>
      <source>This resident is archived; restore the record first.</source>
      <translation>该居民档案已归档，请先恢复。</translation>
    </message>
    <message>
      <source>This team no longer exists.</source>
      <translation>该服务队已不存在。</translation>
    </message>
    <message>
      <source>The database is ready.</source>
      <translation>数据库可以使用。</translation>
    </message>
    <message>
      <source>The database is empty; it will be set up on first start.</source>
      <translation>数据库为空，首次启动时将进行初始设置。</translation>
    </message>
    <message>
      <source>The database will be upgraded (after a backup) on next start.</source>
      <translation>下次启动时将先备份、再升级数据库。</translation>
    </message>
    <message>
      <source>A new database will be created here.</source>
      <translation>将在此位置新建数据库。</translation>
    </message>
    <message>
      <source>This database was written by a newer version of the program (revision {rev}). Please install the newer version; the database was left untouched.</source>
      <translation>该数据库由更新版本的程序创建（版本 {rev}）。请安装新版本程序；数据库未做任何改动。</translation>
    </message>
    <message>
      <source>The server database needs an upgrade, and a verified backup must be made first, but {tool} is not installed on this PC. Install the PostgreSQL client tools (pg_dump) and open the program again; or, after backing up the server another way, an administrator runs: main.py upgrade --without-backup. The database was left untouched.</source>
      <translation>服务器数据库需要升级，升级前必须先做经过校验的备份，但本机未安装 {tool}。请安装 PostgreSQL 客户端工具（pg_dump）后重新打开程序；或者在用其他方式备份服务器之后，由管理员运行：main.py upgrade --without-backup。数据库保持原样。</translation>
    </message>
    <message>
      <source>The database could not be backed up before the upgrade, so it was not upgraded: {why}</source>
      <translation>升级前备份数据库失败，因此未升级：{why}</translation>
    </message>
    <message>
      <source>Creating the database…</source>
      <translation>正在创建数据库…</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
      <source>Upgrading the database (a backup is made first)…</source>
      <translation>正在升级数据库（先做备份）…</translation>
    </message>
    <message>
      <source>This provider no longer exists.</source>
      <translation>该服务主体已不存在。</translation>
    </message>
    <message>
      <source>This attachment no longer exists.</source>
      <translation>该附件已不存在。</translation>
    </message>
    <message>
      <source>This session is not one of the order's.</source>
      <translation>该服务记录不属于此工单。</translation>
    </message>
    <message>
      <source>This service order no longer exists.</source>
      <translation>该服务工单已不存在。</translation>
    </message>
    <message>
      <source>The note has at most {n} characters.</source>
      <translation>备注最多 {n} 个字。</translation>
    </message>
    <message>
      <source>Enter who reported this for the provider (name and position).</source>
      <translation>请填写服务主体方的报告人（姓名和职务）。</translation>
    </message>
    <message>
      <source>At most {n} characters.</source>
      <translation>最多 {n} 个字。</translation>
    </message>
    <message>
      <source>A fund of this order no longer exists.</source>
      <translation>此工单使用的资金已不存在。</translation>
    </message>
    <message>
      <source>The fund “{fund}” has {left} 元 left; {needed} 元 cannot be committed.</source>
      <translation>资金“{fund}”仅剩 {left} 元，无法占用 {needed} 元。</translation>
    </message>
    <message>
      <source>The fund “{fund}” pays at most {cap} 元 per order.</source>
      <translation>资金“{fund}”每单最多支付 {cap} 元。</translation>
    </message>
    <message>
      <source>A session cannot be reported for a future date.</source>
      <translation>不能登记未来日期的服务记录。</translation>
    </message>
    <message>
      <source>Enter 0 to {n}.</source>
      <translation>请输入 0 至 {n}。</translation>
    </message>
    <message>
      <source>Enter the people of each key group, more than zero.</source>
      <translation>请填写各重点人群的服务人数，须大于零。</translation>
    </message>
    <message>
      <source>The time to accept ended at {moment}; dispatch the order again.</source>
      <translation>接单期限已于 {moment} 截止，请重新派单。</translation>
    </message>
    <message>
      <source>The time to accept has not ended yet.</source>
      <translation>接单期限尚未截止。</translation>
    </message>
    <message>
      <source>The key groups add up to more people than were served.</source>
      <translation>各重点人群人数之和超过了服务总人数。</translation>
    </message>
    <message>
      <source>A volunteer's time is more than zero and at most 24 hours.</source>
      <translation>志愿者服务时长须大于零且不超过 24 小时。</translation>
    </message>
    <message>
      <source>No session has been reported for this order yet.</source>
      <translation>此工单尚未登记任何服务记录。</translation>
    </message>
    <message>
      <source>A fund that is not in the order's budget was given.</source>
      <translation>所列资金不在此工单的预算中。</translation>
    </message>
    <message>
      <source>A fund's share is negative or above its budget.</source>
      <translation>某项资金的分摊金额为负数或超过其预算。</translation>
    </message>
    <message>
      <source>The funds' shares do not add up to the contract amount.</source>
      <translation>各项资金分摊金额之和与合同金额不符。</translation>
    </message>
    <message>
      <source>The accept-by moment has already passed.</source>
      <translation>接单截止时间已过。</translation>
    </message>
    <message>
      <source>The amount cannot be negative.</source>
      <translation>金额不能为负数。</translation>
    </message>
    <message>
      <source>Write why the resident is unsatisfied; the provider redoes the work.</source>
      <translation>请写明居民不满意的原因，服务主体将重新服务。</translation>
    </message>
    <message>
      <source>The order was not offered to this provider.</source>
      <translation>此工单未派给该服务主体。</translation>
    </message>
    <message>
      <source>This provider has already declined the order.</source>
      <translation>该服务主体已拒绝此工单。</translation>
    </message>
    <message>
      <source>Choose the provider(s) to offer the order to.</source>
      <translation>请选择派单的服务主体。</translation>
    </message>
    <message>
      <source>The contract amount is above the budget ({budget} 元).</source>
      <translation>合同金额超过预算（{budget} 元）。</translation>
    </message>
    <message>
      <source>The provider accepted the order only on {day}.</source>
      <translation>服务主体于 {day} 才接单。</translation>
    </message>
    <message>
      <source>A key group no longer exists.</source>
      <translation>某个重点人群已不存在。</translation>
    </message>
    <message>
      <source>Choose how satisfied the resident is.</source>
      <translation>请选择居民的满意程度。</translation>
    </message>
    <message>
      <source>Choose at least one fund for the budget.</source>
      <translation>请至少选择一项资金作为预算来源。</translation>
    </message>
    <message>
      <source>Plan the people to serve or the sessions to hold.</source>
      <translation>请填写计划服务人数或服务场次。</translation>
    </message>
    <message>
      <source>The publicity period is 0 to {n} working days.</source>
      <translation>公示期为 0 至 {n} 个工作日。</translation>
    </message>
    <message>
      <source>The budget must be more than zero.</source>
      <translation>预算金额必须大于零。</translation>
    </message>
    <message>
      <source>Choose a menu item, or a category for a free description.</source>
      <translation>请选择服务清单项目，或为自由描述选择类别。</translation>
    </message>
    <message>
      <source>Describe what the resident needs.</source>
      <translation>请描述居民的需求。</translation>
    </message>
    <message>
      <source>This request no longer exists.</source>
      <translation>该诉求已不存在。</translation>
    </message>
    <message>
      <source>The publicity period ends at {moment}; it cannot be closed before.</source>
      <translation>公示期至 {moment} 结束，期满前不能结束公示。</translation>
    </message>
    <message>
      <source>A fund is listed twice; put its amounts together.</source>
      <translation>同一资金列了两次，请合并金额。</translation>
    </message>
    <message>
      <source>The fund “{fund}” is closed.</source>
      <translation>资金“{fund}”已停用。</translation>
    </message>
    <message>
      <source>The fund “{fund}” may not pay for “{category}”.</source>
      <translation>资金“{fund}”不得用于“{category}”。</translation>
    </message>
    <message>
      <source>Choose a resident of the register.</source>
      <translation>请从居民档案中选择居民。</translation>
    </message>
    <message>
      <source>The deadline is before the order date ({day}).</source>
      <translation>完成时限早于点单日期（{day}）。</translation>
    </message>
    <message>
      <source>The deadline has already passed.</source>
      <translation>完成时限已过。</translation>
    </message>
    <message>
      <source>This menu item is not available.</source>
      <translation>该服务清单项目不可用。</translation>
    </message>
    <message>
      <source>The provider “{name}” is inactive and cannot take orders.</source>
      <translation>服务主体“{name}”已停用，不能接单。</translation>
    </message>
    <message>
      <source>The provider “{name}” is listed as discredited / abnormal and cannot take orders.</source>
      <translation>服务主体“{name}”已被列入失信/活动异常名录，不能接单。</translation>
    </message>
    <message>
      <source>“{item}” may be delivered only by: {kinds}; “{name}” is a {kind}.</source>
      <translation>“{item}”只能由以下类型的服务主体承接：{kinds}；“{name}”属于{kind}。</translation>
    </message>
    <message>
      <source>Enter a name.</source>
      <translation>请填写名称。</translation>
    </message>
    <message>
      <source>Enter a year from 2000 to {year}.</source>
      <translation>请输入 2000 至 {year} 之间的年份。</translation>
    </message>
    <message>
      <source>The amount must be more than zero.</source>
      <translation>金额必须大于零。</translation>
    </message>
    <message>
      <source>This fund no longer exists.</source>
      <translation>该资金已不存在。</translation>
    </message>
    <message>
      <source>Choose the kind of fund.</source>
      <translation>请选择资金类型。</translation>
    </message>
    <message>
      <source>The cap per order cannot be above the fund's total.</source>
      <translation>每单上限不能超过资金总额。</translation>
    </message>
    <message>
      <source>A fund of this name already exists.</source>
      <translation>已有同名资金。</translation>
    </message>
    <message>
      <source>{committed} 元 of this fund is already committed; the total cannot be less.</source>
      <translation>该资金已占用 {committed} 元，总额不能低于此数。</translation>
    </message>
    <message>
      <source>Enter the category.</source>
      <translation>请输入类别。</translation>
    </message>
    <message>
      <source>Unknown provider kind.</source>
      <translation>未知的服务主体类型。</translation>
    </message>
    <message>
      <source>This menu item no longer exists.</source>
      <translation>该服务清单项目已不存在。</translation>
    </message>
    <message>
      <source>This category already has an item of that name.</source>
      <translation>该类别下已有同名项目。</translation>
    </message>
    <message>
      <source>Enter an amount in yuan, e.g. 1234.50.</source>
      <translation>请输入金额（元），如 1234.50。</translation>
    </message>
    <message>
      <source>“{text}” is not an amount; type digits and at most one point.</source>
      <translation>“{text}”不是有效金额，只能输入数字和一个小数点。</translation>
    </message>
    <message>
      <source>An amount has at most two decimals (fen); “{text}” has more.</source>
      <translation>金额最多两位小数（精确到分），“{text}”超过了两位。</translation>
    </message>
    <message>
      <source>The amount is too large.</source>
      <translation>金额过大。</translation>
    </message>
    <message>
      <source>Write the reason for the deduction.</source>
      <translation>请写明核减原因。</translation>
    </message>
    <message>
      <source>Enter the voucher number.</source>
      <translation>请输入凭证号。</translation>
    </message>
    <message>
      <source>A payment cannot be dated in the future.</source>
      <translation>付款日期不能是未来日期。</translation>
    </message>
    <message>
      <source>Choose the tranche: advance, interim or final payment.</source>
      <translation>请选择付款批次：预付、中期或尾款。</translation>
    </message>
    <message>
      <source>The final payment comes only after the work has been checked and accepted.</source>
      <translation>尾款须在验收之后支付。</translation>
    </message>
    <message>
      <source>No provider has accepted this order.</source>
      <translation>此工单尚无服务主体接单。</translation>
    </message>
    <message>
      <source>This fund is not in the order's budget.</source>
      <translation>该资金不在此工单的预算中。</translation>
    </message>
    <message>
      <source>The voucher number {voucher} has already been used.</source>
      <translation>凭证号 {voucher} 已被使用。</translation>
    </message>
    <message>
      <source>With this payment {paid} 元 would be paid or deducted, above the contract amount of {contract} 元; the director must write the reason.</source>
      <translation>本次付款后已付及核减合计 {paid} 元，超过合同金额 {contract} 元，须由主任书面说明理由。</translation>
    </message>
    <message>
      <source>{left} 元 of the contract is not paid; write why the order is settled.</source>
      <translation>合同尚有 {left} 元未付，请写明结算理由。</translation>
    </message>
    <message>
      <source>The code {prefix}… is that of a “{code_kind}”, not a “{kind}”.</source>
      <translation>代码 {prefix}… 属于“{code_kind}”，而不是“{kind}”。</translation>
    </message>
    <message>
      <source>Listed as discredited / abnormal since {day}.</source>
      <translation>自 {day} 起被列入失信/活动异常名录。</translation>
    </message>
    <message>
      <source>The rating {grade} expired on {day}.</source>
      <translation>评估等级 {grade} 已于 {day} 到期。</translation>
    </message>
    <message>
      <source>Annual inspection {year}: {result}.</source>
      <translation>{year} 年度年检：{result}。</translation>
    </message>
    <message>
      <source>Only a volunteer team is linked to a love-bank team.</source>
      <translation>只有志愿服务队可以关联爱心银行的队伍。</translation>
    </message>
    <message>
      <source>A registered social organisation should have a credit code.</source>
      <translation>登记的社会组织应有统一社会信用代码。</translation>
    </message>
    <message>
      <source>A “{kind}” registered by civil affairs has a code starting with {prefix}.</source>
      <translation>在民政部门登记的“{kind}”，其代码以 {prefix} 开头。</translation>
    </message>
    <message>
      <source>Choose the kind of provider.</source>
      <translation>请选择服务主体类型。</translation>
    </message>
    <message>
      <source>The rating is 1A to 5A.</source>
      <translation>评估等级为 1A 至 5A。</translation>
    </message>
    <message>
      <source>Enter the day the rating was given.</source>
      <translation>请输入评定日期。</translation>
    </message>
    <message>
      <source>Enter the day it was listed.</source>
      <translation>请输入列入日期。</translation>
    </message>
    <message>
      <source>The day cannot be in the future.</source>
      <translation>日期不能是未来日期。</translation>
    </message>
    <message>
      <source>The day the rating was given cannot be in the future.</source>
      <translation>评定日期不能是未来日期。</translation>
    </message>
    <message>
      <source>A provider of this name is already registered.</source>
      <translation>已登记同名服务主体。</translation>
    </message>
    <message>
      <source>Choose the result.</source>
      <translation>请选择结果。</translation>
    </message>
    <message>
      <source>A provider with this credit code is already registered.</source>
      <translation>已登记使用该统一社会信用代码的服务主体。</translation>
    </message>
    <message>
      <source>Only a rejected order has a rejection notice.</source>
      <translation>只有已驳回的点单才有驳回通知。</translation>
    </message>
    <message>
      <source>The time to accept is 1 to {n} working days.</source>
      <translation>接单期限为 1 至 {n} 个工作日。</translation>
    </message>
    <message>
      <source>Pending review</source>
      <translation>待审核</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>已驳回</translation>
    </message>
    <message>
      <source>To draft</source>
      <translation>待制单</translation>
    </message>
    <message>
      <source>Pending approval</source>
      <translation>待审批</translation>
    </message>
    <message>
      <source>In publicity</source>
      <translation>公示中</translation>
    </message>
    <message>
      <source>To dispatch</source>
      <translation>待派单</translation>
    </message>
    <message>
      <source>To accept</source>
      <translation>待接单</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>实施中</translation>
    </message>
    <message>
      <source>To rate</source>
      <translation>待评价</translation>
    </message>
    <message>
      <source>To check</source>
      <translation>待验收</translation>
    </message>
    <message>
      <source>To pay</source>
      <translation>待付款</translation>
    </message>
    <message>
      <source>Settled</source>
      <translation>已结算</translation>
    </message>
    <message>
      <source>Terminated</source>
      <translation>已终止</translation>
    </message>
    <message>
      <source>Place order</source>
      <translation>点单</translation>
    </message>
    <message>
      <source>Take in</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>驳回</translation>
    </message>
    <message>
      <source>Draft work order</source>
      <translation>制单</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>审批通过</translation>
    </message>
    <message>
      <source>Send draft back</source>
      <translation>审批退回</translation>
    </message>
    <message>
      <source>Record objection</source>
      <translation>登记公示异议</translation>
    </message>
    <message>
      <source>Close publicity</source>
      <translation>公示期满</translation>
    </message>
    <message>
      <source>Redraft</source>
      <translation>重新制单</translation>
    </message>
    <message>
      <source>Dispatch</source>
      <translation>派单</translation>
    </message>
    <message>
      <source>Provider accepts</source>
      <translation>接单</translation>
    </message>
    <message>
      <source>Provider declines</source>
      <translation>拒单</translation>
    </message>
    <message>
      <source>Acceptance expired</source>
      <translation>接单超时</translation>
    </message>
    <message>
      <source>Recall dispatch</source>
      <translation>撤回派单</translation>
    </message>
    <message>
      <source>Report session</source>
      <translation>登记服务记录</translation>
    </message>
    <message>
      <source>Service finished</source>
      <translation>服务完成</translation>
    </message>
    <message>
      <source>Resident rates</source>
      <translation>群众评单</translation>
    </message>
    <message>
      <source>Send back to redo</source>
      <translation>退回重做</translation>
    </message>
    <message>
      <source>Check and accept</source>
      <translation>验收</translation>
    </message>
    <message>
      <source>Terminate</source>
      <translation>终止</translation>
    </message>
    <message>
      <source>Record payment</source>
      <translation>付款</translation>
    </message>
    <message>
      <source>Settle</source>
      <translation>结算</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Attach file</source>
      <translation>添加附件</translation>
    </message>
    <message>
      <source>Your role may not “{action}” a service order.</source>
      <translation>您的角色无权对服务工单执行“{action}”。</translation>
    </message>
    <message>
      <source>This order is “{stage}”; “{action}” is not possible now.</source>
      <translation>此工单处于“{stage}”状态，现在不能“{action}”。</translation>
    </message>
    <message>
      <source>Please write the reason for “{action}”.</source>
      <translation>请写明“{action}”的理由。</translation>
    </message>
    <message>
      <source>Social group</source>
      <translation>社会团体</translation>
    </message>
    <message>
      <source>Private non-enterprise unit</source>
      <translation>民办非企业单位</translation>
    </message>
    <message>
      <source>Foundation</source>
      <translation>基金会</translation>
    </message>
    <message>
      <source>Filed community organisation</source>
      <translation>备案的社区社会组织</translation>
    </message>
    <message>
      <source>Resident unit</source>
      <translation>驻区单位</translation>
    </message>
    <message>
      <source>Enterprise / social enterprise</source>
      <translation>企业/社会企业</translation>
    </message>
    <message>
      <source>A filed community organisation has no legal personality: it cannot sign a contract or be paid in its own name.</source>
      <translation>备案的社区社会组织不具备法人资格，不能签订合同或以自己名义收款</translation>
    </message>
    <message>
      <source>A volunteer team has no legal personality: it cannot sign a contract or be paid in its own name.</source>
      <translation>志愿服务队不具备法人资格，不能签订合同或以自己名义收款</translation>
    </message>
    <message>
      <source>Passed</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>Basically passed</source>
      <translation>基本合格</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>不合格</translation>
    </message>
    <message>
      <source>Not submitted</source>
      <translation>未参检</translation>
    </message>
    <message>
      <source>Party organisation service fund</source>
      <translation>党组织服务群众专项经费</translation>
    </message>
    <message>
      <source>Public welfare venture</source>
      <translation>公益创投</translation>
    </message>
    <message>
      <source>Government purchase of services</source>
      <translation>政府购买服务</translation>
    </message>
    <message>
      <source>Self-raised</source>
      <translation>自筹</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Satisfied</source>
      <translation>满意</translation>
    </message>
    <message>
      <source>Basically satisfied</source>
      <translation>基本满意</translation>
    </message>
    <message>
      <source>Unsatisfied</source>
      <translation>不满意</translation>
    </message>
    <message>
      <source>Advance</source>
      <translation>预付</translation>
    </message>
    <message>
      <source>Interim</source>
      <translation>中期</translation>
    </message>
    <message>
      <source>Final payment</source>
      <translation>尾款</translation>
    </message>
    <message>
      <source>100 % or more</source>
      <translation>100% 及以上</translation>
    </message>
    <message>
      <source>80–100 %</source>
      <translation>80%–100%</translation>
    </message>
    <message>
      <source>60–80 %</source>
      <translation>60%–80%</translation>
    </message>
    <message>
      <source>Below 60 %</source>
      <translation>60% 以下</translation>
    </message>
    <message>
      <source>Declined by the provider</source>
      <translation>服务主体拒单</translation>
    </message>
    <message>
      <source>Not accepted in time</source>
      <translation>超时未接单</translation>
    </message>
    <message>
      <source>To redo: the resident was unsatisfied</source>
      <translation>居民不满意，待重做</translation>
    </message>
    <message>
      <source>Objection during publicity</source>
      <translation>公示期有异议</translation>
    </message>
    <message>
      <source>Draft sent back</source>
      <translation>审批退回</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Sign-in sheet</source>
      <translation>签到表</translation>
    </message>
    <message>
      <source>Certificate</source>
      <translation>证书</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>No TrueType font for Chinese was found on this computer. Install Microsoft YaHei or SimSun (Windows) or fonts-wqy-microhei (Linux), or copy a .ttf font into {folder}.</source>
      <translation>本机未找到支持中文的 TrueType 字体。请安装微软雅黑或宋体（Windows）或 fonts-wqy-microhei（Linux），或将 .ttf 字体文件复制到 {folder}。</translation>
    </message>
    <message>
      <source>No installed font can print the character “{char}” (U+{code}). Install a font that has it (for example a font for rare characters, 生僻字) or write the text differently.</source>
      <translation>已安装的字体都无法打印“{char}”字（U+{code}）。请安装包含该字的字体（如生僻字字体），或改用其他写法。</translation>
    </message>
    <message>
      <source>{period} is not over yet; only a closed period's report is archived.</source>
      <translation>{period}尚未结束，只有已结束期间的报表才能归档。</translation>
    </message>
    <message>
      <source>This archived report no longer exists.</source>
      <translation>该归档报表已不存在。</translation>
    </message>
    <message>
      <source>The file name must end in {suffix}: {path}</source>
      <translation>文件名必须以 {suffix} 结尾：{path}</translation>
    </message>
    <message>
      <source>Work done in the period</source>
      <translation>本期工作完成情况</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>存在问题</translation>
    </message>
    <message>
      <source>Plans for the next period</source>
      <translation>下期工作计划</translation>
    </message>
    <message>
      <source>“{text}” is not a report period; write it like {example}.</source>
      <translation>“{text}”不是有效的报告期，请按 {example} 的格式填写。</translation>
    </message>
    <message>
      <source>Choose a year from {first} to {last}.</source>
      <translation>请选择 {first} 至 {last} 年之间的年份。</translation>
    </message>
    <message>
      <source>A month is a number from 1 to 12.</source>
      <translation>月份应为 1 至 12 之间的数字。</translation>
    </message>
    <message>
      <source>A quarter is a number from 1 to 4.</source>
      <translation>季度应为 1 至 4 之间的数字。</translation>
    </message>
    <message>
      <source>At least one weight must be above zero.</source>
      <translation>至少一项权重须大于零。</translation>
    </message>
    <message>
      <source>Choose whether 基本满意 counts as satisfied.</source>
      <translation>请选择“基本满意”是否计入满意。</translation>
    </message>
    <message>
      <source>A weight is a whole number from 0 to 100.</source>
      <translation>权重应为 0 至 100 之间的整数。</translation>
    </message>
    <message>
      <source>Enter a whole number from {low} to {high}.</source>
      <translation>请输入 {low} 至 {high} 之间的整数。</translation>
    </message>
    <message>
      <source>A threshold is a percentage from 0 to 100.</source>
      <translation>标准应为 0 至 100 之间的百分比。</translation>
    </message>
    <message>
      <source>No data for this period</source>
      <translation>本期无数据</translation>
    </message>
    <message>
      <source>Accepted in time</source>
      <translation>及时受理率</translation>
    </message>
    <message>
      <source>Answered on time</source>
      <translation>按时答复率</translation>
    </message>
    <message>
      <source>Resolved on time</source>
      <translation>按时办结率</translation>
    </message>
    <message>
      <source>Followed up on time</source>
      <translation>按时回访率</translation>
    </message>
    <message>
      <source>Reply rate</source>
      <translation>回复率</translation>
    </message>
    <message>
      <source>Satisfaction rate</source>
      <translation>满意率</translation>
    </message>
    <message>
      <source>Requests registered</source>
      <translation>受理量</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>来访人次</translation>
    </message>
    <message>
      <source>Resolved in the period</source>
      <translation>本期办结</translation>
    </message>
    <message>
      <source>Resolution rate</source>
      <translation>办结率</translation>
    </message>
    <message>
      <source>Follow-up rate</source>
      <translation>回访率</translation>
    </message>
    <message>
      <source>Reopen rate</source>
      <translation>重办率</translation>
    </message>
    <message>
      <source>Return rate</source>
      <translation>退回率</translation>
    </message>
    <message>
      <source>Reminders</source>
      <translation>催办</translation>
    </message>
    <message>
      <source>Supervisions</source>
      <translation>督办</translation>
    </message>
    <message>
      <source>Handled directly</source>
      <translation>直办</translation>
    </message>
    <message>
      <source>Passed on</source>
      <translation>转办</translation>
    </message>
    <message>
      <source>New volunteers</source>
      <translation>新增志愿者</translation>
    </message>
    <message>
      <source>Active volunteers</source>
      <translation>参与服务志愿者</translation>
    </message>
    <message>
      <source>Services recorded</source>
      <translation>服务人次</translation>
    </message>
    <message>
      <source>Hours served</source>
      <translation>服务时长</translation>
    </message>
    <message>
      <source>Points earned</source>
      <translation>发放积分</translation>
    </message>
    <message>
      <source>Points redeemed</source>
      <translation>兑换积分</translation>
    </message>
    <message>
      <source>Points expired</source>
      <translation>过期积分</translation>
    </message>
    <message>
      <source>Orders placed</source>
      <translation>居民点单</translation>
    </message>
    <message>
      <source>Orders closed</source>
      <translation>办结订单</translation>
    </message>
    <message>
      <source>Paid by the government</source>
      <translation>政府买单金额</translation>
    </message>
    <message>
      <source>Residents satisfied with orders</source>
      <translation>群众评单满意率</translation>
    </message>
    <message>
      <source>The name has {count} characters; at most {n} are allowed.</source>
      <translation>名称有 {count} 个字，最多 {n} 个字。</translation>
    </message>
    <message>
      <source>Enter a title.</source>
      <translation>请填写标题。</translation>
    </message>
    <message>
      <source>The title has {count} characters; at most {n} are allowed.</source>
      <translation>标题有 {count} 个字，最多 {n} 个字。</translation>
    </message>
    <message>
      <source>Enter the text of the answer.</source>
      <translation>请填写答复内容。</translation>
    </message>
    <message>
      <source>The text has {count} characters; at most {n} are allowed.</source>
      <translation>内容有 {count} 个字，最多 {n} 个字。</translation>
    </message>
    <message>
      <source>This category already has a sub-category named {name}.</source>
      <translation>该分类下已有名为“{name}”的子分类。</translation>
    </message>
    <message>
      <source>There is already a department named {name}.</source>
      <translation>已有名为“{name}”的单位。</translation>
    </message>
    <message>
      <source>This category no longer exists.</source>
      <translation>该分类已不存在。</translation>
    </message>
    <message>
      <source>This department no longer exists.</source>
      <translation>该单位已不存在。</translation>
    </message>
    <message>
      <source>This response template no longer exists.</source>
      <translation>该答复模板已不存在。</translation>
    </message>
    <message>
      <source>Choose the handling level.</source>
      <translation>请选择办理层级。</translation>
    </message>
    <message>
      <source>There is already a category named {name}.</source>
      <translation>已有名为“{name}”的分类。</translation>
    </message>
    <message>
      <source>This category is disabled; choose another.</source>
      <translation>该分类已停用，请选择其他分类。</translation>
    </message>
    <message>
      <source>Categories have two levels only: a sub-category cannot have sub-categories of its own.</source>
      <translation>分类只有两级：子分类下不能再建子分类。</translation>
    </message>
    <message>
      <source>Enter a whole number of working minutes from 1 to {max}.</source>
      <translation>请填写 1 至 {max} 之间的整数（按工作时间计的分钟数）。</translation>
    </message>
    <message>
      <source>The answer limit ({answer} days) cannot be longer than the resolve limit ({resolve} days).</source>
      <translation>答复时限（{answer} 个工作日）不能长于办结时限（{resolve} 个工作日）。</translation>
    </message>
    <message>
      <source>The follow-up limit ({follow_up} days) cannot be shorter than the resolve limit ({resolve} days).</source>
      <translation>回访时限（{follow_up} 个工作日）不能短于办结时限（{resolve} 个工作日）。</translation>
    </message>
    <message>
      <source>Enter a whole number of working days from 1 to {max}.</source>
      <translation>请填写 1 至 {max} 之间的整数（工作日天数）。</translation>
    </message>
    <message>
      <source>Choose the urgency red, yellow or green, or any.</source>
      <translation>请选择紧急程度：红、黄、绿或不限。</translation>
    </message>
    <message>
      <source>Choose a date.</source>
      <translation>请选择日期。</translation>
    </message>
    <message>
      <source>Choose working day or day off.</source>
      <translation>请选择工作日或休息日。</translation>
    </message>
    <message>
      <source>This deadline rule no longer exists.</source>
      <translation>该时限规则已不存在。</translation>
    </message>
    <message>
      <source>There is no calendar correction for {day}.</source>
      <translation>{day} 没有日历调整。</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>答复</translation>
    </message>
    <message>
      <source>Resolve</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Due soon</source>
      <translation>即将到期</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已超时</translation>
    </message>
    <message>
      <source>Done on time</source>
      <translation>按时完成</translation>
    </message>
    <message>
      <source>Done late</source>
      <translation>超时完成</translation>
    </message>
    <message>
      <source>No request category is available; the administrator must set up the categories first.</source>
      <translation>没有可用的诉求分类，请管理员先设置分类。</translation>
    </message>
    <message>
      <source>The request to merge into does not exist or is itself merged.</source>
      <translation>要合并到的诉求不存在，或其本身已被合并。</translation>
    </message>
    <message>
      <source>A request cannot be merged into itself.</source>
      <translation>诉求不能合并到自身。</translation>
    </message>
    <message>
      <source>This department is not available.</source>
      <translation>该单位不可用。</translation>
    </message>
    <message>
      <source>Write why the resident is unsatisfied; the request is reopened.</source>
      <translation>请填写居民不满意的原因；诉求将重办。</translation>
    </message>
    <message>
      <source>An assisting department is not available.</source>
      <translation>所选协办单位中有单位不可用。</translation>
    </message>
    <message>
      <source>Choose the lead department.</source>
      <translation>请选择主办单位。</translation>
    </message>
    <message>
      <source>{day} is after today ({today}): no request has been registered then.</source>
      <translation>{day} 晚于今天（{today}）：那时还没有登记任何诉求。</translation>
    </message>
    <message>
      <source>The end date is before the start date.</source>
      <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>Describe the request.</source>
      <translation>请填写诉求内容。</translation>
    </message>
    <message>
      <source>The description has {count} characters; at most {n} are allowed.</source>
      <translation>诉求内容有 {count} 个字，最多 {n} 个字。</translation>
    </message>
    <message>
      <source>Find or register the resident first.</source>
      <translation>请先查找或登记居民。</translation>
    </message>
    <message>
      <source>Choose how the request came in.</source>
      <translation>请选择诉求渠道。</translation>
    </message>
    <message>
      <source>Choose a category.</source>
      <translation>请选择诉求分类。</translation>
    </message>
    <message>
      <source>Choose the urgency.</source>
      <translation>请选择紧急程度。</translation>
    </message>
    <message>
      <source>The number of visitors must be between 1 and {n}.</source>
      <translation>来访人数应在 1 至 {n} 之间。</translation>
    </message>
    <message>
      <source>This grid no longer exists.</source>
      <translation>该网格已不存在。</translation>
    </message>
    <message>
      <source>The lead department cannot also assist.</source>
      <translation>主办单位不能同时作为协办单位。</translation>
    </message>
    <message>
      <source>The time received cannot be in the future.</source>
      <translation>接收时间不能晚于当前时间。</translation>
    </message>
    <message>
      <source>This category has been disabled by the administrator; choose another.</source>
      <translation>该分类已被管理员停用，请选择其他分类。</translation>
    </message>
    <message>
      <source>Choose a sub-category.</source>
      <translation>请选择子分类。</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Assign</source>
      <translation>派单</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>退回</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>重办</translation>
    </message>
    <message>
      <source>Remind</source>
      <translation>催办</translation>
    </message>
    <message>
      <source>Supervise</source>
      <translation>督办</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Your role may not {action} a request.</source>
      <translation>您的角色无权对诉求执行“{action}”。</translation>
    </message>
    <message>
      <source>This request is {status}; it cannot be given “{action}” now.</source>
      <translation>该诉求当前状态为“{status}”，不能执行“{action}”。</translation>
    </message>
    <message>
      <source>Please write the reason or content for “{action}”.</source>
      <translation>请填写“{action}”的原因或内容。</translation>
    </message>
    <message>
      <source>Walk-in</source>
      <translation>来访</translation>
    </message>
    <message>
      <source>12345 hotline</source>
      <translation>12345热线</translation>
    </message>
    <message>
      <source>Mini-program</source>
      <translation>小程序</translation>
    </message>
    <message>
      <source>Grid report</source>
      <translation>网格员上报</translation>
    </message>
    <message>
      <source>Red</source>
      <translation>红</translation>
    </message>
    <message>
      <source>Yellow</source>
      <translation>黄</translation>
    </message>
    <message>
      <source>Green</source>
      <translation>绿</translation>
    </message>
    <message>
      <source>Village/community</source>
      <translation>村居/社区</translation>
    </message>
    <message>
      <source>Town/street</source>
      <translation>镇街道</translation>
    </message>
    <message>
      <source>District</source>
      <translation>区级</translation>
    </message>
    <message>
      <source>Enter the resident's name.</source>
      <translation>请填写居民姓名。</translation>
    </message>
    <message>
      <source>Choose 男 or 女.</source>
      <translation>请选择男或女。</translation>
    </message>
    <message>
      <source>The birth date cannot be in the future.</source>
      <translation>出生日期不能晚于今天。</translation>
    </message>
    <message>
      <source>An address has at most {n} characters.</source>
      <translation>住址最多 {n} 个字。</translation>
    </message>
    <message>
      <source>Notes have at most {n} characters.</source>
      <translation>备注最多 {n} 个字。</translation>
    </message>
    <message>
      <source>A name has at most {n} characters.</source>
      <translation>姓名最多 {n} 个字。</translation>
    </message>
    <message>
      <source>A name cannot contain digits.</source>
      <translation>姓名不能包含数字。</translation>
    </message>
    <message>
      <source>A chosen key group no longer exists.</source>
      <translation>所选的重点人群类别已不存在。</translation>
    </message>
    <message>
      <source>Visit overdue</source>
      <translation>逾期未访</translation>
    </message>
    <message>
      <source>Visit due</source>
      <translation>待走访</translation>
    </message>
    <message>
      <source>Visited</source>
      <translation>已走访</translation>
    </message>
    <message>
      <source>Row {row} ({name}) has a mistake, so nothing of this round was saved.</source>
      <translation>第 {row} 行（{name}）有误，本批走访均未保存。</translation>
    </message>
    <message>
      <source>Choose the resident who was visited.</source>
      <translation>请选择走访的居民。</translation>
    </message>
    <message>
      <source>Enter the date of the visit.</source>
      <translation>请填写走访日期。</translation>
    </message>
    <message>
      <source>Choose how the visit was made: home, phone or at the centre.</source>
      <translation>请选择走访方式：入户、电话或到中心。</translation>
    </message>
    <message>
      <source>Choose who made the visit.</source>
      <translation>请选择走访人。</translation>
    </message>
    <message>
      <source>Companions have at most {n} characters.</source>
      <translation>同行人员最多 {n} 个字。</translation>
    </message>
    <message>
      <source>The findings have at most {n} characters.</source>
      <translation>走访情况最多 {n} 个字。</translation>
    </message>
    <message>
      <source>An unknown report item was ticked.</source>
      <translation>勾选了未知的上报事项。</translation>
    </message>
    <message>
      <source>At most {n} photos can be kept with a visit.</source>
      <translation>每次走访最多保存 {n} 张照片。</translation>
    </message>
    <message>
      <source>Photos cannot be kept in this installation.</source>
      <translation>本系统未配置照片存储，无法保存照片。</translation>
    </message>
    <message>
      <source>The visit date {date} is in the future; a visit is recorded after it took place.</source>
      <translation>走访日期 {date} 晚于今天；走访完成后才能登记。</translation>
    </message>
    <message>
      <source>The visitor must be an active user of the system.</source>
      <translation>走访人须为系统中的在用账号。</translation>
    </message>
    <message>
      <source>Describe what was found: it becomes the request's description.</source>
      <translation>请填写走访发现的情况：它将作为上报诉求的内容。</translation>
    </message>
    <message>
      <source>The photo {name} is empty or larger than {max} MB.</source>
      <translation>照片 {name} 为空或超过 {max} MB。</translation>
    </message>
    <message>
      <source>{name} is archived (moved away or merged) and is no longer visited.</source>
      <translation>{name} 已归档（迁出或已合并），不再走访。</translation>
    </message>
    <message>
      <source>The visit date is too far in the past.</source>
      <translation>走访日期过早。</translation>
    </message>
    <message>
      <source>Requests cannot be registered from visits in this installation.</source>
      <translation>本系统未接通诉求登记，无法从走访上报诉求。</translation>
    </message>
    <message>
      <source>{name} does not live in this grid.</source>
      <translation>{name} 不属于本网格。</translation>
    </message>
    <message>
      <source>Every week</source>
      <translation>每周</translation>
    </message>
    <message>
      <source>Every month</source>
      <translation>每月</translation>
    </message>
    <message>
      <source>Every quarter</source>
      <translation>每季度</translation>
    </message>
    <message>
      <source>Not visited</source>
      <translation>不走访</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>入户</translation>
    </message>
    <message>
      <source>Phone call</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>At the centre</source>
      <translation>到中心</translation>
    </message>
    <message>
      <source>Safety hazard</source>
      <translation>安全隐患</translation>
    </message>
    <message>
      <source>Instability factor</source>
      <translation>不稳定因素</translation>
    </message>
    <message>
      <source>Unclean environment</source>
      <translation>环境卫生不洁</translation>
    </message>
    <message>
      <source>House let out</source>
      <translation>房屋出租</translation>
    </message>
    <message>
      <source>New migrant population</source>
      <translation>新增流动人口</translation>
    </message>
    <message>
      <source>New pregnancy</source>
      <translation>新增孕妇</translation>
    </message>
    <message>
      <source>Resident seriously ill in hospital</source>
      <translation>居民重病住院</translation>
    </message>
    <message>
      <source>The house is let out: record the tenants in the register.</source>
      <translation>房屋出租：请在居民档案中登记租住人员。</translation>
    </message>
    <message>
      <source>New migrant population: register the newcomers.</source>
      <translation>新增流动人口：请登记新来人员。</translation>
    </message>
    <message>
      <source>New pregnancy: note it in the resident's record.</source>
      <translation>新增孕妇：请在该居民档案中注明。</translation>
    </message>
    <message>
      <source>Enter at least one visit.</source>
      <translation>请至少填写一条走访记录。</translation>
    </message>
    <message>
      <source>This visit no longer exists.</source>
      <translation>该走访记录已不存在。</translation>
    </message>
    <message>
      <source>The register has no key group named {name}.</source>
      <translation>居民档案中没有名为“{name}”的重点人群。</translation>
    </message>
    <message>
      <source>This visit has already been corrected; correct the latest entry.</source>
      <translation>该走访记录已被更正过，请更正最新的一条。</translation>
    </message>
    <message>
      <source>This visit was withdrawn; record a new visit instead.</source>
      <translation>该走访记录已撤销，请重新登记走访。</translation>
    </message>
    <message>
      <source>Choose how often: every week, month or quarter.</source>
      <translation>请选择走访频次：每周、每月或每季度。</translation>
    </message>
    <message>
      <source>Say why the visit is corrected.</source>
      <translation>请填写更正原因。</translation>
    </message>
    <message>
      <source>The reason has at most {n} characters.</source>
      <translation>原因最多 {n} 个字。</translation>
    </message>
    <message>
      <source>The same visit is also in row {row}.</source>
      <translation>同一走访已在第 {row} 行填写。</translation>
    </message>
    <message>
      <source>A correction is for the same resident; withdraw the visit and record a new one.</source>
      <translation>更正只能针对同一居民；请撤销该记录后重新登记。</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>Something unexpected went wrong, and the last action may not have been completed. What was already saved is safe; you can carry on working.

The details were written to the log file:
{path}

If it happens again, send this file to your administrator.</source>
      <translation>程序遇到了意外的问题，刚才的操作可能没有完成。已经保存的数据不受影响，您可以继续工作。

详细信息已写入日志文件：
{path}

如果再次出现，请把这个文件发给系统管理员。</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>出错了</translation>
    </message>
    <message>
      <source>Open the log folder</source>
      <translation>打开日志文件夹</translation>
    </message>
    <message>
      <source>Could not finish</source>
      <translation>操作未完成</translation>
    </message>
  </context>
  <context>
    <name>exchange</name>
    <message>
      <source>Merge {other} (No. {other_id}) into {keep} (No. {keep_id})? The record No. {other_id} is archived.</source>
      <translation>把{other}（编号 {other_id}）合并到{keep}（编号 {keep_id}）吗？编号 {other_id} 的档案将被归档。</translation>
    </message>
    <message>
      <source>Merge duplicate residents</source>
      <translation>合并重复居民</translation>
    </message>
    <message>
      <source>Compare</source>
      <translation>对比</translation>
    </message>
    <message>
      <source>Suggested pairs</source>
      <translation>疑似重复</translation>
    </message>
    <message>
      <source>Choose a pair to compare the two records side by side.</source>
      <translation>选择一对档案，左右对比。</translation>
    </message>
    <message>
      <source>Keep the other record</source>
      <translation>改为保留另一条</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Keep: {name} (No. {id})</source>
      <translation>保留：{name}（编号 {id}）</translation>
    </message>
    <message>
      <source>Archive: {name} (No. {id})</source>
      <translation>归档：{name}（编号 {id}）</translation>
    </message>
    <message>
      <source>Requests, service orders, the volunteer account and key groups of the archived record move to the kept one; the archived record points to it.</source>
      <translation>被归档档案的诉求、服务订单、志愿者账户和重点人群标签都转到保留的档案，被归档的档案指向保留的档案。</translation>
    </message>
    <message>
      <source>{n} {what}</source>
      <translation>{n} {what}</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>无</translation>
    </message>
    <message>
      <source>No. {other_id} was merged into No. {id}.</source>
      <translation>编号 {other_id} 已合并到编号 {id}。</translation>
    </message>
    <message>
      <source>Resident</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Residents No.</source>
      <translation>居民编号</translation>
    </message>
    <message>
      <source>and</source>
      <translation>和</translation>
    </message>
    <message>
      <source>Key groups</source>
      <translation>重点人群</translation>
    </message>
    <message>
      <source>Linked</source>
      <translation>关联</translation>
    </message>
    <message>
      <source>volunteer account</source>
      <translation>志愿者账户</translation>
    </message>
    <message>
      <source>{name} (No. {id})</source>
      <translation>{name}（编号 {id}）</translation>
    </message>
    <message>
      <source>Type the numbers of two residents.</source>
      <translation>请输入两个居民的编号。</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <source>Excel in and out</source>
      <translation>数据导入导出</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Registers in Excel or CSV. Every row is checked like the forms check it; with any error nothing is imported unless you choose to import only the valid rows.</source>
      <translation>导入 Excel 或 CSV 台账。每一行都按录入表单的规则检查；有任何错误时不导入，除非选择只导入正确的行。</translation>
    </message>
    <message>
      <source>The whole list. To export the rows a list shows, use 导出 Excel on that list's page.</source>
      <translation>导出整个列表。只导出列表筛选出的行，请在该列表页面点“导出 Excel”。</translation>
    </message>
    <message>
      <source>Duplicate residents</source>
      <translation>重复居民</translation>
    </message>
    <message>
      <source>The template was saved as {path}.</source>
      <translation>模板已保存为 {path}。</translation>
    </message>
    <message>
      <source>Import residents…</source>
      <translation>导入居民…</translation>
    </message>
    <message>
      <source>Residents template…</source>
      <translation>居民导入模板…</translation>
    </message>
    <message>
      <source>Merge duplicate residents…</source>
      <translation>合并重复居民…</translation>
    </message>
    <message>
      <source> ID numbers and phones are masked.</source>
      <translation>身份证号和电话已遮挡。</translation>
    </message>
    <message>
      <source>Import volunteers…</source>
      <translation>导入志愿者…</translation>
    </message>
    <message>
      <source>Volunteers template…</source>
      <translation>志愿者导入模板…</translation>
    </message>
    <message>
      <source>Download template</source>
      <translation>下载模板</translation>
    </message>
    <message>
      <source>{n} rows exported to {path}.</source>
      <translation>已导出 {n} 行到 {path}。</translation>
    </message>
    <message>
      <source>{n} rows written</source>
      <translation>已写入 {n} 行</translation>
    </message>
    <message>
      <source>New {added}    Update {updated}    Errors {errors}</source>
      <translation>新增 {added}    更新 {updated}    错误 {errors}</translation>
    </message>
    <message>
      <source>The header is row {row} of sheet {sheet}; {rows} rows of data. {unknown} columns were not recognised: choose what they hold, or leave them ignored.</source>
      <translation>表头在工作表“{sheet}”的第 {row} 行，共 {rows} 行数据。有 {unknown} 列未识别：请选择对应的字段，或保持“不导入”。</translation>
    </message>
    <message>
      <source>Update people already in the register (same ID number)</source>
      <translation>更新已有（身份证号相同的居民）</translation>
    </message>
    <message>
      <source>Import only the valid rows</source>
      <translation>只导入正确的行</translation>
    </message>
    <message>
      <source>Save error report…</source>
      <translation>保存错误报告…</translation>
    </message>
    <message>
      <source>The first {shown} of {total} rows, as they will be stored. With any error nothing is imported, unless you choose to import only the valid rows.</source>
      <translation>共 {total} 行，显示前 {shown} 行导入后的样子。有任何错误时不导入，除非选择只导入正确的行。</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>现住址</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Notes / reason</source>
      <translation>备注 / 原因</translation>
    </message>
    <message>
      <source>Column in the file</source>
      <translation>文件中的列</translation>
    </message>
    <message>
      <source>Values</source>
      <translation>示例</translation>
    </message>
    <message>
      <source>Import as</source>
      <translation>导入为</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>不导入</translation>
    </message>
    <message>
      <source>Already in the register {linked}</source>
      <translation>已在档案 {linked}</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>服务队</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>时长</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>积分</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Update</source>
      <translation>更新</translation>
    </message>
    <message>
      <source>In the register</source>
      <translation>已在档案</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>(column {n} without a name)</source>
      <translation>（第 {n} 列，无列名）</translation>
    </message>
    <message>
      <source>Not a known column: choose a field or leave it ignored.</source>
      <translation>未识别的列：请选择对应的字段，或保持“不导入”。</translation>
    </message>
    <message>
      <source>Row {n}</source>
      <translation>第 {n} 行</translation>
    </message>
    <message>
      <source>Choose a register file</source>
      <translation>选择台账文件</translation>
    </message>
    <message>
      <source>Excel or CSV (*.xlsx *.xlsm *.xls *.csv)</source>
      <translation>Excel 或 CSV 文件 (*.xlsx *.xlsm *.xls *.csv)</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>另存为</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Imported: {added} new, {updated} updated.</source>
      <translation>已导入：新增 {added}，更新 {updated}。</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>No file chosen.</source>
      <translation>尚未选择文件。</translation>
    </message>
    <message>
      <source>Download template…</source>
      <translation>下载模板…</translation>
    </message>
    <message>
      <source>An Excel (.xlsx, .xls) or CSV file. Title rows above the header are skipped and common Chinese headers (姓名, 身份证号, 联系电话 …) are recognised. Fill the template to be sure the ID numbers and phones keep all their digits.</source>
      <translation>Excel（.xlsx、.xls）或 CSV 文件。表头上方的标题行会自动跳过，常用表头（姓名、身份证号、联系电话……）会自动识别。用模板填写可确保身份证号和电话的每一位数字都不丢失。</translation>
    </message>
    <message>
      <source>1. Choose the file</source>
      <translation>1. 选择文件</translation>
    </message>
    <message>
      <source>2. Check the columns</source>
      <translation>2. 核对列</translation>
    </message>
    <message>
      <source>3. Preview</source>
      <translation>3. 预览</translation>
    </message>
    <message>
      <source>4. Result</source>
      <translation>4. 结果</translation>
    </message>
    <message>
      <source>Reading the file</source>
      <translation>正在读取文件</translation>
    </message>
    <message>
      <source>Checking the rows</source>
      <translation>正在检查各行</translation>
    </message>
    <message>
      <source>The error report was saved as {path}.</source>
      <translation>错误报告已保存为 {path}。</translation>
    </message>
    <message>
      <source>Nothing was imported: {errors} of {total} rows have errors. Correct them in the file (the error report lists each one) or go back and import only the valid rows.</source>
      <translation>没有导入任何数据：{total} 行中有 {errors} 行有错误。请在文件中改正（错误报告逐条列出），或返回上一步选择只导入正确的行。</translation>
    </message>
    <message>
      <source>Import volunteers</source>
      <translation>导入志愿者</translation>
    </message>
    <message>
      <source>Import residents</source>
      <translation>导入居民</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>The import was cancelled; nothing was imported.</source>
      <translation>已取消导入，没有导入任何数据。</translation>
    </message>
    <message>
      <source>{n} volunteers registered.</source>
      <translation>登记志愿者 {n} 人。</translation>
    </message>
    <message>
      <source>{errors} rows with errors were not imported.</source>
      <translation>有错误的 {errors} 行未导入。</translation>
    </message>
    <message>
      <source>Save error report</source>
      <translation>保存错误报告</translation>
    </message>
    <message>
      <source>Imported {done} of {total} rows</source>
      <translation>已导入 {done} / {total} 行</translation>
    </message>
  </context>
  <context>
    <name>finder</name>
    <message>
      <source>Nothing found.</source>
      <translation>没有找到匹配项。</translation>
    </message>
    <message>
      <source>{shown} of {n} shown; type more to narrow down</source>
      <translation>共 {n} 条，显示 {shown} 条；继续输入可缩小范围</translation>
    </message>
    <message>
      <source>Resident: name, pinyin initials (zs), phone, ID number or address</source>
      <translation>居民：姓名、拼音首字母（zs）、电话、身份证号或住址</translation>
    </message>
    <message>
      <source>No resident found.</source>
      <translation>没有找到居民。</translation>
    </message>
    <message>
      <source>{name} (archived)</source>
      <translation>{name}（已归档）</translation>
    </message>
  </context>
  <context>
    <name>forms</name>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>list_page</name>
    <message>
      <source>Export to Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <source>Save the rows shown as an Excel file (Ctrl+E)</source>
      <translation>把列表中显示的记录保存为 Excel 文件（Ctrl+E）</translation>
    </message>
  </context>
  <context>
    <name>login</name>
    <message>
      <source>Log in — Community Service Centre</source>
      <translation>登录 — 社区服务中心</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Opening the database…</source>
      <translation>正在打开数据库…</translation>
    </message>
    <message>
      <source>Database: {name}</source>
      <translation>数据库：{name}</translation>
    </message>
    <message>
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>&amp;Import audit key…</source>
      <translation>导入审计密钥(&amp;I)…</translation>
    </message>
    <message>
      <source>The key file exported on another PC of this centre (Settings → Database → Export audit key).</source>
      <translation>本中心另一台电脑导出的密钥文件（系统设置 → 数据库 → 导出审计密钥）。</translation>
    </message>
    <message>
      <source>&amp;Replace lost audit key…</source>
      <translation>更换审计密钥(&amp;R)…</translation>
    </message>
    <message>
      <source>Replace the key only if no PC and no password-protected backup has it any more: the older records can then no longer be fully checked.</source>
      <translation>只有在所有电脑和带密码的备份中都已找不到密钥时，才更换密钥：更换后，以前的记录将无法再完整核验。</translation>
    </message>
    <message>
      <source>You cannot log in on this PC yet: its audit key belongs to another database, so nothing done here could be recorded.</source>
      <translation>本机暂时无法登录：本机的审计密钥属于另一个数据库，在本机所做的操作无法记录。</translation>
    </message>
    <message>
      <source>You cannot log in on this PC yet: it does not have this database's audit key, so nothing done here could be recorded.</source>
      <translation>本机暂时无法登录：本机没有该数据库的审计密钥，在本机所做的操作无法记录。</translation>
    </message>
    <message>
      <source>An administrator imports the key here: export it on a PC of this centre that works (Settings → Database → Export audit key) and bring the file, e.g. on a USB stick. Type the administrator's user name and password above, then choose.</source>
      <translation>请管理员在本机导入密钥：先在本中心一台正常使用的电脑上导出密钥（系统设置 → 数据库 → 导出审计密钥），用U盘等把文件拿过来。在上方输入管理员的用户名和密码，再点击下面的按钮。</translation>
    </message>
    <message>
      <source>First-time setup</source>
      <translation>首次使用设置</translation>
    </message>
    <message>
      <source>e.g. 张店区某某社区党群服务中心</source>
      <translation>例如：张店区某某社区党群服务中心</translation>
    </message>
    <message>
      <source>Centre name</source>
      <translation>中心名称</translation>
    </message>
    <message>
      <source>Administrator user name</source>
      <translation>管理员用户名</translation>
    </message>
    <message>
      <source>Password (6+ characters)</source>
      <translation>密码（至少 6 位）</translation>
    </message>
    <message>
      <source>Repeat password</source>
      <translation>确认密码</translation>
    </message>
    <message>
      <source>Community Service Centre</source>
      <translation>社区服务中心</translation>
    </message>
    <message>
      <source>Opening the database… you will be logged in when it is ready.</source>
      <translation>正在打开数据库…打开后自动登录。</translation>
    </message>
    <message>
      <source>Start using</source>
      <translation>开始使用</translation>
    </message>
    <message>
      <source>Welcome. This database is new: name your centre and choose the administrator's password. You can add other users after logging in.</source>
      <translation>欢迎使用。这是一个新数据库：请填写中心名称并设置管理员密码。登录后可以添加其他用户。</translation>
    </message>
    <message>
      <source>Only an administrator can import or replace the audit key. Please ask your administrator to sign in here and do it.</source>
      <translation>只有管理员才能导入或更换审计密钥。请联系管理员在本机输入其用户名和密码来完成。</translation>
    </message>
  </context>
  <context>
    <name>lovebank</name>
    <message>
      <source>Batch entry of service hours</source>
      <translation>批量录入服务时长</translation>
    </message>
    <message>
      <source>No activity (×1)</source>
      <translation>不关联活动（×1）</translation>
    </message>
    <message>
      <source>New activity…</source>
      <translation>新建活动…</translation>
    </message>
    <message>
      <source>Create the activity these hours belong to (Ctrl+Shift+N)</source>
      <translation>新建这些时长所属的活动（Ctrl+Shift+N）</translation>
    </message>
    <message>
      <source>Hours given to each volunteer added</source>
      <translation>新添加的志愿者默认填入的小时数</translation>
    </message>
    <message>
      <source>Apply to all rows</source>
      <translation>应用到所有行</translation>
    </message>
    <message>
      <source>Activity</source>
      <translation>活动</translation>
    </message>
    <message>
      <source>Date served</source>
      <translation>服务日期</translation>
    </message>
    <message>
      <source>Default hours</source>
      <translation>默认小时数</translation>
    </message>
    <message>
      <source>Add volunteer</source>
      <translation>添加志愿者</translation>
    </message>
    <message>
      <source>Volunteer</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>服务队</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>小时数</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>删除行</translation>
    </message>
    <message>
      <source>Remove the selected rows (Delete)</source>
      <translation>删除选中的行（Delete）</translation>
    </message>
    <message>
      <source>Save all</source>
      <translation>全部保存</translation>
    </message>
    <message>
      <source>Service cannot be recorded for a future date.</source>
      <translation>不能录入未来日期的服务时长。</translation>
    </message>
    <message>
      <source>Type a volunteer's name, pinyin initials or phone; Enter adds</source>
      <translation>输入志愿者姓名、拼音首字母或电话，按回车添加</translation>
    </message>
    <message>
      <source>{n} volunteers · {hours} hours</source>
      <translation>{n} 名志愿者 · 共 {hours} 小时</translation>
    </message>
    <message>
      <source>Type a volunteer's name above and press Enter to add them to the list.</source>
      <translation>在上方输入志愿者姓名，按回车添加到列表。</translation>
    </message>
    <message>
      <source>… and {n} more.</source>
      <translation>……另有 {n} 条。</translation>
    </message>
    <message>
      <source>Add at least one volunteer.</source>
      <translation>请至少添加一名志愿者。</translation>
    </message>
    <message>
      <source>Close without saving? The hours of {n} volunteers are not saved yet.</source>
      <translation>不保存就关闭吗？{n} 名志愿者的服务时长尚未保存。</translation>
    </message>
    <message>
      <source>{name} is already in the list.</source>
      <translation>{name} 已在列表中。</translation>
    </message>
    <message>
      <source>Nothing was saved.</source>
      <translation>未保存任何记录。</translation>
    </message>
    <message>
      <source>Row {row} ({name}): {error}</source>
      <translation>第 {row} 行（{name}）：{error}</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Reject service hours</source>
      <translation>驳回服务时长</translation>
    </message>
    <message>
      <source>Reject {n} records ({names})? They stay in the list of rejected hours with the reason.</source>
      <translation>确定驳回 {n} 条记录（{names}）吗？这些记录连同驳回原因会保留在“已驳回”列表中。</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>驳回</translation>
    </message>
    <message>
      <source>Cancel redemption</source>
      <translation>取消兑换</translation>
    </message>
    <message>
      <source>Cancel redemption {number} ({items}, {n} points)? The points go back to the volunteer and the items back into stock.</source>
      <translation>确定取消兑换 {number}（{items}，{n} 分）吗？积分将退还给志愿者，商品退回库存。</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>必填</translation>
    </message>
    <message>
      <source>Reason *</source>
      <translation>原因 *</translation>
    </message>
    <message>
      <source>No volunteer found.</source>
      <translation>未找到志愿者。</translation>
    </message>
    <message>
      <source>Volunteer: name, pinyin initials (zs) or phone</source>
      <translation>志愿者：姓名、拼音首字母（如 zs）或电话</translation>
    </message>
    <message>
      <source>{n} points</source>
      <translation>{n} 分</translation>
    </message>
    <message>
      <source>{name} (inactive)</source>
      <translation>{name}（已停用）</translation>
    </message>
    <message>
      <source>{hours} more hours to {level}</source>
      <translation>再服务 {hours} 小时升{level}</translation>
    </message>
    <message>
      <source>{hours} hours</source>
      <translation>{hours} 小时</translation>
    </message>
    <message>
      <source>No star yet</source>
      <translation>暂无星级</translation>
    </message>
    <message>
      <source>One star</source>
      <translation>一星</translation>
    </message>
    <message>
      <source>Two stars</source>
      <translation>二星</translation>
    </message>
    <message>
      <source>Three stars</source>
      <translation>三星</translation>
    </message>
    <message>
      <source>Four stars</source>
      <translation>四星</translation>
    </message>
    <message>
      <source>Five stars</source>
      <translation>五星</translation>
    </message>
    <message>
      <source>Highest level reached</source>
      <translation>已达最高星级</translation>
    </message>
    <message>
      <source>{kind} (reversed)</source>
      <translation>{kind}（已冲正）</translation>
    </message>
    <message>
      <source>Later (points frozen)</source>
      <translation>稍后核销（冻结积分）</translation>
    </message>
    <message>
      <source>At once</source>
      <translation>当场核销</translation>
    </message>
    <message>
      <source>{level}: {hours} hours</source>
      <translation>{level}：{hours} 小时</translation>
    </message>
    <message>
      <source>Star level by all approved hours so far (not by the month):</source>
      <translation>星级按累计审核通过的服务时长评定（不按月计）：</translation>
    </message>
    <message>
      <source>Enter the hours as a number, e.g. 2.5.</source>
      <translation>时长请填写数字，例如 2.5。</translation>
    </message>
    <message>
      <source>Hours must be more than zero.</source>
      <translation>服务时长须大于零。</translation>
    </message>
    <message>
      <source>At most 24 hours in a day.</source>
      <translation>一天最多 24 小时。</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>待审核</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>已通过</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>已驳回</translation>
    </message>
    <message>
      <source>Redeemed</source>
      <translation>已兑换</translation>
    </message>
    <message>
      <source>Waiting for handover</source>
      <translation>待核销</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Goods</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>服务</translation>
    </message>
    <message>
      <source>New activity</source>
      <translation>新建活动</translation>
    </message>
    <message>
      <source>e.g. 重阳节敬老志愿服务</source>
      <translation>例如：重阳节敬老志愿服务</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Points for an hour of this activity are multiplied by this</source>
      <translation>本活动每小时的积分乘以此倍数</translation>
    </message>
    <message>
      <source>Title *</source>
      <translation>活动名称 *</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Organiser</source>
      <translation>组织方</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Points multiplier</source>
      <translation>积分倍数</translation>
    </message>
    <message>
      <source>Record service hours</source>
      <translation>录入服务时长</translation>
    </message>
    <message>
      <source>e.g. 2.5</source>
      <translation>例如：2.5</translation>
    </message>
    <message>
      <source>No activity</source>
      <translation>不关联活动</translation>
    </message>
    <message>
      <source>What was done (optional)</source>
      <translation>服务内容（选填）</translation>
    </message>
    <message>
      <source>Volunteer *</source>
      <translation>志愿者 *</translation>
    </message>
    <message>
      <source>Hours *</source>
      <translation>小时数 *</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>服务内容</translation>
    </message>
    <message>
      <source>Create activity</source>
      <translation>创建活动</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>录入</translation>
    </message>
    <message>
      <source>The hours wait for approval; points are awarded when they are approved.</source>
      <translation>录入的时长须经审核，审核通过后发放积分。</translation>
    </message>
    <message>
      <source>Find the volunteer first: type a name and press Enter.</source>
      <translation>请先查找志愿者：输入姓名后按回车。</translation>
    </message>
    <message>
      <source>Enter the multiplier as a number, e.g. 1.5.</source>
      <translation>倍数请填写数字，例如 1.5。</translation>
    </message>
    <message>
      <source>Hand over</source>
      <translation>核销</translation>
    </message>
    <message>
      <source>The goods or service were handed over (核销): the frozen points are spent</source>
      <translation>物品或服务已交付（核销），冻结的积分随即扣除</translation>
    </message>
    <message>
      <source>Cancel redemption…</source>
      <translation>取消兑换…</translation>
    </message>
    <message>
      <source>Give back the points and the stock; a reason is required</source>
      <translation>退回积分和库存，须填写原因</translation>
    </message>
    <message>
      <source>Receipt {number}</source>
      <translation>兑换小票 {number}</translation>
    </message>
    <message>
      <source>Points statement of {name}</source>
      <translation>{name} 的积分明细</translation>
    </message>
    <message>
      <source>This redemption no longer exists.</source>
      <translation>该兑换记录已不存在。</translation>
    </message>
    <message>
      <source>Print receipt</source>
      <translation>打印小票</translation>
    </message>
    <message>
      <source>Print statement</source>
      <translation>打印积分明细</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Points / reason</source>
      <translation>积分/驳回原因</translation>
    </message>
    <message>
      <source>&amp;Approve</source>
      <translation>审核通过(&amp;A)</translation>
    </message>
    <message>
      <source>Approve the selected records and award their points (Alt+A)</source>
      <translation>审核通过选中的记录并发放积分（Alt+A）</translation>
    </message>
    <message>
      <source>&amp;Reject…</source>
      <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
      <source>Reject the selected records with a reason (Alt+R)</source>
      <translation>驳回选中的记录，须填写原因（Alt+R）</translation>
    </message>
    <message>
      <source>Record hours…</source>
      <translation>录入时长…</translation>
    </message>
    <message>
      <source>Record one volunteer's hours (Ctrl+N)</source>
      <translation>录入一名志愿者的服务时长（Ctrl+N）</translation>
    </message>
    <message>
      <source>Batch entry…</source>
      <translation>批量录入…</translation>
    </message>
    <message>
      <source>Hours of one activity for many volunteers (Ctrl+B)</source>
      <translation>为多名志愿者录入同一活动的时长（Ctrl+B）</translation>
    </message>
    <message>
      <source>{n} waiting for approval</source>
      <translation>{n} 条待审核</translation>
    </message>
    <message>
      <source>{n} records</source>
      <translation>共 {n} 条</translation>
    </message>
    <message>
      <source>Approved {n} records ({hours} hours): {points} points awarded.</source>
      <translation>已审核通过 {n} 条记录（共 {hours} 小时），发放 {points} 分。</translation>
    </message>
    <message>
      <source>Rejected {n} records.</source>
      <translation>已驳回 {n} 条记录。</translation>
    </message>
    <message>
      <source>Hours recorded; they now wait for approval.</source>
      <translation>服务时长已录入，等待审核。</translation>
    </message>
    <message>
      <source>Hours of {n} volunteers recorded; they now wait for approval.</source>
      <translation>已录入 {n} 名志愿者的服务时长，等待审核。</translation>
    </message>
    <message>
      <source>Service hours</source>
      <translation>服务时长</translation>
    </message>
    <message>
      <source>Waiting for approval</source>
      <translation>待审核</translation>
    </message>
    <message>
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>Ctrl+A: select all   Alt+A: approve   Ctrl+N: record   Ctrl+B: batch</source>
      <translation>Ctrl+A：全选   Alt+A：审核通过   Ctrl+N：录入   Ctrl+B：批量录入</translation>
    </message>
    <message>
      <source>Only a volunteer coordinator can record or approve hours.</source>
      <translation>只有志愿者协调员可以录入或审核服务时长。</translation>
    </message>
    <message>
      <source>(the latest {n})</source>
      <translation>（最近 {n} 条）</translation>
    </message>
    <message>
      <source>No service hours recorded yet.</source>
      <translation>还没有录入服务时长。</translation>
    </message>
    <message>
      <source>{n} selected · {hours} hours</source>
      <translation>已选 {n} 条 · 共 {hours} 小时</translation>
    </message>
    <message>
      <source>Ctrl+N records hours; Ctrl+B records an activity for many volunteers.</source>
      <translation>按 Ctrl+N 录入时长；按 Ctrl+B 为多名志愿者批量录入同一活动的时长。</translation>
    </message>
    <message>
      <source>No hours are waiting for approval.</source>
      <translation>没有待审核的服务时长。</translation>
    </message>
    <message>
      <source>No approved hours yet.</source>
      <translation>还没有已通过的服务时长。</translation>
    </message>
    <message>
      <source>No rejected hours.</source>
      <translation>没有已驳回的服务时长。</translation>
    </message>
    <message>
      <source>{name} · {team} — {n} points available</source>
      <translation>{name} · {team} — 可用积分 {n} 分</translation>
    </message>
    <message>
      <source>e.g. 大米 5kg</source>
      <translation>例如：大米 5kg</translation>
    </message>
    <message>
      <source>Whole points, e.g. 50</source>
      <translation>整数积分，例如：50</translation>
    </message>
    <message>
      <source>e.g. 20</source>
      <translation>例如：20</translation>
    </message>
    <message>
      <source>Handed over later (points are frozen until handover)</source>
      <translation>稍后核销（核销前冻结积分）</translation>
    </message>
    <message>
      <source>Offered in the supermarket</source>
      <translation>在爱心超市上架</translation>
    </message>
    <message>
      <source>Name *</source>
      <translation>名称 *</translation>
    </message>
    <message>
      <source>Price in points *</source>
      <translation>兑换积分 *</translation>
    </message>
    <message>
      <source>Stock *</source>
      <translation>库存 *</translation>
    </message>
    <message>
      <source>Redeem points</source>
      <translation>积分兑换</translation>
    </message>
    <message>
      <source>Find the volunteer first.</source>
      <translation>请先查找志愿者。</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>商品</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>积分</translation>
    </message>
    <message>
      <source>Confirm redemption</source>
      <translation>确认兑换</translation>
    </message>
    <message>
      <source>Ctrl+S or Ctrl+Enter</source>
      <translation>Ctrl+S 或 Ctrl+回车</translation>
    </message>
    <message>
      <source>Total: {n} points</source>
      <translation>合计：{n} 分</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>新建商品</translation>
    </message>
    <message>
      <source>Edit item: {name}</source>
      <translation>编辑商品：{name}</translation>
    </message>
    <message>
      <source>No items are offered yet.</source>
      <translation>还没有上架的商品。</translation>
    </message>
    <message>
      <source>({n} frozen until handover)</source>
      <translation>（另有 {n} 分冻结待核销）</translation>
    </message>
    <message>
      <source>Not enough points: {n} more needed</source>
      <translation>积分不足：还差 {n} 分</translation>
    </message>
    <message>
      <source>Left after redeeming: {n} points</source>
      <translation>兑换后剩余：{n} 分</translation>
    </message>
    <message>
      <source>Choose at least one item: set its quantity.</source>
      <translation>请至少选择一件商品：填写兑换数量。</translation>
    </message>
    <message>
      <source>Quantity (↑/↓ or type a number)</source>
      <translation>数量（按 ↑/↓ 或直接输入数字）</translation>
    </message>
    <message>
      <source>Out of stock</source>
      <translation>缺货</translation>
    </message>
    <message>
      <source>No team</source>
      <translation>未加入服务队</translation>
    </message>
    <message>
      <source>(handed over later)</source>
      <translation>（稍后核销）</translation>
    </message>
    <message>
      <source>No items yet.</source>
      <translation>还没有商品。</translation>
    </message>
    <message>
      <source>Redeem…</source>
      <translation>兑换…</translation>
    </message>
    <message>
      <source>A volunteer takes items for points (Ctrl+R)</source>
      <translation>志愿者用积分兑换商品（Ctrl+R）</translation>
    </message>
    <message>
      <source>Add an item to the supermarket (Ctrl+N)</source>
      <translation>向爱心超市添加商品（Ctrl+N）</translation>
    </message>
    <message>
      <source>Edit item</source>
      <translation>编辑商品</translation>
    </message>
    <message>
      <source>Edit the selected item: price, stock … (Enter)</source>
      <translation>编辑选中的商品：兑换积分、库存等（回车）</translation>
    </message>
    <message>
      <source>Show withdrawn items</source>
      <translation>显示已下架商品</translation>
    </message>
    <message>
      <source>Price (points)</source>
      <translation>兑换积分</translation>
    </message>
    <message>
      <source>Handover</source>
      <translation>核销方式</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>商品</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>All redemptions</source>
      <translation>全部兑换记录</translation>
    </message>
    <message>
      <source>Which redemptions the list shows (and 导出 Excel saves)</source>
      <translation>列表显示哪些兑换记录（导出 Excel 也保存这些）</translation>
    </message>
    <message>
      <source>Print receipt…</source>
      <translation>打印小票…</translation>
    </message>
    <message>
      <source>Print the receipt of the selected redemption again (Ctrl+P)</source>
      <translation>补打选中兑换的小票（Ctrl+P）</translation>
    </message>
    <message>
      <source>Redemptions: {n}</source>
      <translation>兑换记录：{n} 条</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <source>Save the redemptions shown as an Excel file (Ctrl+E)</source>
      <translation>把列表中显示的兑换记录保存为 Excel 文件（Ctrl+E）</translation>
    </message>
    <message>
      <source>{name} redeemed {items} for {n} points; the points are frozen until handover.</source>
      <translation>{name} 用 {n} 分兑换了 {items}，积分已冻结，核销时扣除。</translation>
    </message>
    <message>
      <source>{name} redeemed {items} for {n} points.</source>
      <translation>{name} 用 {n} 分兑换了 {items}。</translation>
    </message>
    <message>
      <source>Handed over to {name}: {items} ({n} points).</source>
      <translation>已为 {name} 核销：{items}（{n} 分）。</translation>
    </message>
    <message>
      <source>Redemption {number} cancelled; {n} points went back to {name}.</source>
      <translation>兑换 {number} 已取消，{n} 分已退还给 {name}。</translation>
    </message>
    <message>
      <source>Love supermarket</source>
      <translation>爱心超市</translation>
    </message>
    <message>
      <source>Ctrl+R: redeem   Ctrl+N: new item   Enter: edit item</source>
      <translation>Ctrl+R：兑换   Ctrl+N：新建商品   回车：编辑商品</translation>
    </message>
    <message>
      <source>Only a volunteer coordinator can redeem points or change items.</source>
      <translation>只有志愿者协调员可以兑换积分或修改商品。</translation>
    </message>
    <message>
      <source>{n} items low on stock (at most {low}).</source>
      <translation>{n} 种商品库存不足（{low} 件及以下）。</translation>
    </message>
    <message>
      <source>Press Ctrl+N to add one.</source>
      <translation>按 Ctrl+N 添加商品。</translation>
    </message>
    <message>
      <source>Waiting for handover (核销): {n}</source>
      <translation>待核销：{n}</translation>
    </message>
    <message>
      <source>Redemptions: the newest {n} (导出 Excel saves them all)</source>
      <translation>兑换记录：显示最近 {n} 条（导出 Excel 保存全部）</translation>
    </message>
    <message>
      <source>Print the receipt (小票) now?</source>
      <translation>现在打印小票吗？</translation>
    </message>
    <message>
      <source>Nothing is waiting for handover.</source>
      <translation>没有待核销的兑换。</translation>
    </message>
    <message>
      <source>No redemptions yet.</source>
      <translation>还没有兑换记录。</translation>
    </message>
    <message>
      <source>Offered</source>
      <translation>已上架</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>已下架</translation>
    </message>
    <message>
      <source>Low stock</source>
      <translation>库存不足</translation>
    </message>
    <message>
      <source>Reverse the entry of {date} ({kind}, {amount} points). A new entry with the opposite amount is added; the original stays in the statement, marked as reversed.</source>
      <translation>冲正 {date} 的记录（{kind}，{amount} 分）。系统将新增一笔积分相反的记录；原记录仍保留在积分明细中，并标记为已冲正。</translation>
    </message>
    <message>
      <source>Inactive</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Points available</source>
      <translation>可用积分</translation>
    </message>
    <message>
      <source>Frozen until handover</source>
      <translation>冻结积分（待核销）</translation>
    </message>
    <message>
      <source>Approved hours</source>
      <translation>累计服务时长</translation>
    </message>
    <message>
      <source>Star level</source>
      <translation>星级</translation>
    </message>
    <message>
      <source>Points statement</source>
      <translation>积分明细</translation>
    </message>
    <message>
      <source>Service records</source>
      <translation>服务记录</translation>
    </message>
    <message>
      <source>Redemptions</source>
      <translation>兑换记录</translation>
    </message>
    <message>
      <source>Adjust points…</source>
      <translation>调整积分…</translation>
    </message>
    <message>
      <source>Add or deduct points with a reason (Ctrl+J)</source>
      <translation>增加或扣减积分，须填写原因（Ctrl+J）</translation>
    </message>
    <message>
      <source>Reverse entry…</source>
      <translation>冲正…</translation>
    </message>
    <message>
      <source>Correct the selected statement line by reversing it (Ctrl+R)</source>
      <translation>冲正选中的明细记录，以更正错误（Ctrl+R）</translation>
    </message>
    <message>
      <source>Print statement…</source>
      <translation>打印积分明细…</translation>
    </message>
    <message>
      <source>Preview and print the points statement (Ctrl+P)</source>
      <translation>预览并打印积分明细（Ctrl+P）</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Close (Esc)</source>
      <translation>关闭（Esc）</translation>
    </message>
    <message>
      <source>Save the points statement or the redemptions as an Excel file (Ctrl+E)</source>
      <translation>把积分明细或兑换记录（当前标签页）保存为 Excel 文件（Ctrl+E）</translation>
    </message>
    <message>
      <source>Volunteer: {name}</source>
      <translation>志愿者：{name}</translation>
    </message>
    <message>
      <source>{done} of {total} hours</source>
      <translation>{done} / {total} 小时</translation>
    </message>
    <message>
      <source>Reverse entry</source>
      <translation>冲正记录</translation>
    </message>
    <message>
      <source>Reverse</source>
      <translation>冲正</translation>
    </message>
    <message>
      <source>Handed over: {items} ({n} points).</source>
      <translation>已核销：{items}（{n} 分）。</translation>
    </message>
    <message>
      <source>Reversing more than {n} points needs a director; ask the director to do it.</source>
      <translation>冲正超过 {n} 分须由主任操作，请交由主任办理。</translation>
    </message>
    <message>
      <source>Select the statement line to reverse first.</source>
      <translation>请先选中要冲正的明细记录。</translation>
    </message>
    <message>
      <source>Register volunteer</source>
      <translation>登记志愿者</translation>
    </message>
    <message>
      <source>Resident *</source>
      <translation>居民 *</translation>
    </message>
    <message>
      <source>No resident chosen yet.</source>
      <translation>尚未选定居民。</translation>
    </message>
    <message>
      <source>New team</source>
      <translation>新建服务队</translation>
    </message>
    <message>
      <source>e.g. 幸福社区助老服务队</source>
      <translation>例如：幸福社区助老服务队</translation>
    </message>
    <message>
      <source>Team name *</source>
      <translation>服务队名称 *</translation>
    </message>
    <message>
      <source>Leader</source>
      <translation>队长</translation>
    </message>
    <message>
      <source>Adjust points of {name}</source>
      <translation>调整 {name} 的积分</translation>
    </message>
    <message>
      <source>e.g. 20 or -20</source>
      <translation>例如：20 或 -20</translation>
    </message>
    <message>
      <source>Points *</source>
      <translation>积分 *</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Volunteers are residents of the register. Find the resident (type, then Enter), choose the team and press Ctrl+S.</source>
      <translation>志愿者须是已建档的居民。先查找居民（输入后按回车），再选择服务队，然后按 Ctrl+S。</translation>
    </message>
    <message>
      <source>{name} (archived)</source>
      <translation>{name}（已归档）</translation>
    </message>
    <message>
      <source>Create team</source>
      <translation>创建服务队</translation>
    </message>
    <message>
      <source>Adjust</source>
      <translation>调整</translation>
    </message>
    <message>
      <source>{name} has {n} points available. A positive number adds points, a negative one deducts them. The adjustment is kept in the statement with its reason.</source>
      <translation>{name} 现有可用积分 {n} 分。填正数为增加积分，填负数为扣减积分。调整记录连同原因会保留在积分明细中。</translation>
    </message>
    <message>
      <source>Find the resident first: type a name or phone and press Enter.</source>
      <translation>请先查找居民：输入姓名或电话后按回车。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Frozen</source>
      <translation>冻结</translation>
    </message>
    <message>
      <source>All approved service hours so far</source>
      <translation>累计审核通过的全部服务时长</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>积分变动</translation>
    </message>
    <message>
      <source>Frozen change</source>
      <translation>冻结变动</translation>
    </message>
    <message>
      <source>Balance</source>
      <translation>可用余额</translation>
    </message>
    <message>
      <source>By</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Reverses the entry of {date}: {note}</source>
      <translation>冲正 {date} 的记录：{note}</translation>
    </message>
    <message>
      <source>No points yet.</source>
      <translation>还没有积分记录。</translation>
    </message>
    <message>
      <source>Corrected by a reversing entry further down</source>
      <translation>已由下方的冲正记录更正</translation>
    </message>
    <message>
      <source>Make a resident a volunteer (Ctrl+N)</source>
      <translation>将居民登记为志愿者（Ctrl+N）</translation>
    </message>
    <message>
      <source>Create a volunteer team (Ctrl+T)</source>
      <translation>新建志愿服务队（Ctrl+T）</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Open the selected volunteer (Enter)</source>
      <translation>打开选中的志愿者（回车）</translation>
    </message>
    <message>
      <source>Enter: open   Ctrl+N: register   Ctrl+F: search   Esc: clear search</source>
      <translation>回车：打开   Ctrl+N：登记   Ctrl+F：查找   Esc：清空查找</translation>
    </message>
    <message>
      <source>Enter: open   Ctrl+F: search   Esc: clear search</source>
      <translation>回车：打开   Ctrl+F：查找   Esc：清空查找</translation>
    </message>
    <message>
      <source>Volunteers</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>Volunteer stars</source>
      <translation>志愿之星</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月度</translation>
    </message>
    <message>
      <source>Whole year</source>
      <translation>全年</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>名次</translation>
    </message>
    <message>
      <source>Hours this month</source>
      <translation>本月时长</translation>
    </message>
    <message>
      <source>Points this month</source>
      <translation>本月积分</translation>
    </message>
    <message>
      <source>Star level (all hours)</source>
      <translation>星级（累计）</translation>
    </message>
    <message>
      <source>All teams</source>
      <translation>全部服务队</translation>
    </message>
    <message>
      <source>1 volunteer</source>
      <translation>共 1 人</translation>
    </message>
    <message>
      <source>{n} volunteers</source>
      <translation>共 {n} 人</translation>
    </message>
    <message>
      <source>No volunteer matches “{text}”.</source>
      <translation>没有找到与“{text}”相符的志愿者。</translation>
    </message>
    <message>
      <source>Name, pinyin initials (zs) or phone</source>
      <translation>姓名、拼音首字母（如 zs）或电话</translation>
    </message>
    <message>
      <source>Search as you type (Ctrl+F); Esc clears</source>
      <translation>边输入边查找（Ctrl+F）；Esc 清空</translation>
    </message>
    <message>
      <source>Month {n}</source>
      <translation>{n} 月</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>统计期间</translation>
    </message>
    <message>
      <source>No volunteer in this team.</source>
      <translation>该服务队还没有志愿者。</translation>
    </message>
    <message>
      <source>No volunteers yet.</source>
      <translation>还没有志愿者。</translation>
    </message>
    <message>
      <source>Press Ctrl+N to register one.</source>
      <translation>按 Ctrl+N 登记志愿者。</translation>
    </message>
    <message>
      <source>Top {n} of {year} by approved hours</source>
      <translation>{year} 年服务时长前 {n} 名</translation>
    </message>
    <message>
      <source>Hours this year</source>
      <translation>本年时长</translation>
    </message>
    <message>
      <source>Points this year</source>
      <translation>本年积分</translation>
    </message>
    <message>
      <source>Top {n} of {year}-{month:02d} by approved hours</source>
      <translation>{year} 年 {month:02d} 月服务时长前 {n} 名</translation>
    </message>
    <message>
      <source>No approved service hours in this period.</source>
      <translation>该期间没有审核通过的服务时长。</translation>
    </message>
  </context>
  <context>
    <name>lovebank_settings</name>
    <message>
      <source>Points rules</source>
      <translation>积分规则</translation>
    </message>
    <message>
      <source>Turning approved hours into points</source>
      <translation>服务时长折算积分</translation>
    </message>
    <message>
      <source>Points per hour of service</source>
      <translation>每服务 1 小时积分</translation>
    </message>
    <message>
      <source>Hours counted per day at most</source>
      <translation>每天最多计入小时数</translation>
    </message>
    <message>
      <source>Reversals above this many points need a director</source>
      <translation>冲正超过此积分须主任操作</translation>
    </message>
    <message>
      <source>Activity multipliers (set per activity when it is created): {kinds}</source>
      <translation>活动倍数（创建活动时按类型设定）：{kinds}</translation>
    </message>
    <message>
      <source>Save rules</source>
      <translation>保存规则</translation>
    </message>
    <message>
      <source>Year-end settlement</source>
      <translation>年终积分清算</translation>
    </message>
    <message>
      <source>Points earned before the date below and not yet spent expire. Each expiry is a ledger entry, so every volunteer's statement shows it.</source>
      <translation>在下列日期之前获得且尚未使用的积分将过期清零。每笔清算都记入积分台账，志愿者的积分明细中可以看到。</translation>
    </message>
    <message>
      <source>Points earned before</source>
      <translation>清算此日期前获得的积分</translation>
    </message>
    <message>
      <source>Settle points…</source>
      <translation>开始清算…</translation>
    </message>
    <message>
      <source>Saved. New approvals use these rules.</source>
      <translation>已保存。之后审核的服务时长按新规则计分。</translation>
    </message>
    <message>
      <source>Expire all unspent points earned before {date}? This cannot be undone, only corrected by adjustments.</source>
      <translation>确定清算 {date} 之前获得的全部未使用积分吗？清算无法撤销，只能通过积分调整更正。</translation>
    </message>
    <message>
      <source>{n} points expired.</source>
      <translation>共清算 {n} 分。</translation>
    </message>
    <message>
      <source>Enter a number.</source>
      <translation>请填写数字。</translation>
    </message>
  </context>
  <context>
    <name>main</name>
    <message>
      <source>Community Service Centre — {centre}</source>
      <translation>社区服务中心 — {centre}</translation>
    </message>
    <message>
      <source>Database: {name}</source>
      <translation>数据库：{name}</translation>
    </message>
    <message>
      <source>{name} ({role})</source>
      <translation>{name}（{role}）</translation>
    </message>
    <message>
      <source>Change password</source>
      <translation>修改密码</translation>
    </message>
    <message>
      <source>Log out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Log out (Ctrl+Shift+L)</source>
      <translation>退出登录（Ctrl+Shift+L）</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日待办</translation>
    </message>
    <message>
      <source>Reception</source>
      <translation>接待登记</translation>
    </message>
    <message>
      <source>All requests</source>
      <translation>全部诉求</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>居民档案</translation>
    </message>
    <message>
      <source>Volunteers</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>Service hours</source>
      <translation>服务时长</translation>
    </message>
    <message>
      <source>Love supermarket</source>
      <translation>爱心超市</translation>
    </message>
    <message>
      <source>Service orders</source>
      <translation>点单服务</translation>
    </message>
    <message>
      <source>Providers</source>
      <translation>服务主体</translation>
    </message>
    <message>
      <source>Funds</source>
      <translation>资金管理</translation>
    </message>
    <message>
      <source>Visit ledger</source>
      <translation>走访台账</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>数据看板</translation>
    </message>
    <message>
      <source>Monthly report</source>
      <translation>月度报表</translation>
    </message>
    <message>
      <source>Excel in and out</source>
      <translation>数据导入导出</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>用户管理</translation>
    </message>
    <message>
      <source>Audit log</source>
      <translation>操作日志</translation>
    </message>
    <message>
      <source>Categories</source>
      <translation>分类与单位</translation>
    </message>
    <message>
      <source>Deadlines</source>
      <translation>时限与日历</translation>
    </message>
    <message>
      <source>Points rules</source>
      <translation>积分规则</translation>
    </message>
    <message>
      <source>Service menu</source>
      <translation>服务清单</translation>
    </message>
    <message>
      <source>Backup and restore</source>
      <translation>备份与恢复</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>系统设置</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>走访记录</translation>
    </message>
    <message>
      <source>The selected resident's grid visits (Ctrl+Shift+V)</source>
      <translation>所选居民的网格走访记录（Ctrl+Shift+V）</translation>
    </message>
    <message>
      <source>Turn into a service order</source>
      <translation>转为点单</translation>
    </message>
    <message>
      <source>Record the resident's service order (居民点单) from this request, keeping the link</source>
      <translation>根据这条诉求登记居民点单，保留关联</translation>
    </message>
    <message>
      <source>Service order</source>
      <translation>居民点单</translation>
    </message>
    <message>
      <source>Record this resident's service order (居民点单), with the description typed so far</source>
      <translation>为该居民登记点单（居民点单），带上已输入的诉求内容</translation>
    </message>
    <message>
      <source>Shortcut: Ctrl+{n}</source>
      <translation>快捷键：Ctrl+{n}</translation>
    </message>
    <message>
      <source>Shortcut: {keys}</source>
      <translation>快捷键：{keys}</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>诉求</translation>
    </message>
  </context>
  <context>
    <name>orders</name>
    <message>
      <source>&amp;Take in…</source>
      <translation>受理(&amp;T)…</translation>
    </message>
    <message>
      <source>The community will serve this order (Alt+T)</source>
      <translation>社区受理此点单（Alt+T）</translation>
    </message>
    <message>
      <source>&amp;Reject…</source>
      <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
      <source>Reject the order with a reason for the resident (Alt+R)</source>
      <translation>驳回点单并写明告知居民的原因（Alt+R）</translation>
    </message>
    <message>
      <source>&amp;Draft work order…</source>
      <translation>制单(&amp;D)…</translation>
    </message>
    <message>
      <source>Scope, targets, deadline, budget and candidates (Alt+D)</source>
      <translation>服务范围、目标、期限、预算和候选服务主体（Alt+D）</translation>
    </message>
    <message>
      <source>&amp;Approve…</source>
      <translation>审批通过(&amp;A)…</translation>
    </message>
    <message>
      <source>Approve the draft and its budget (Alt+A)</source>
      <translation>批准工单及其预算（Alt+A）</translation>
    </message>
    <message>
      <source>Send &amp;back…</source>
      <translation>退回(&amp;B)…</translation>
    </message>
    <message>
      <source>Send the draft back to be drafted again (Alt+B)</source>
      <translation>退回工单重新制单（Alt+B）</translation>
    </message>
    <message>
      <source>&amp;Objection…</source>
      <translation>公示异议(&amp;O)…</translation>
    </message>
    <message>
      <source>Record an objection raised in the publicity (Alt+O)</source>
      <translation>记录公示期间提出的异议（Alt+O）</translation>
    </message>
    <message>
      <source>C&amp;lose publicity…</source>
      <translation>公示期满(&amp;L)…</translation>
    </message>
    <message>
      <source>The publicity period is over (Alt+L)</source>
      <translation>公示期已满（Alt+L）</translation>
    </message>
    <message>
      <source>Redra&amp;ft…</source>
      <translation>重新制单(&amp;F)…</translation>
    </message>
    <message>
      <source>Draft the work order again (Alt+F)</source>
      <translation>重新编制工单（Alt+F）</translation>
    </message>
    <message>
      <source>Di&amp;spatch…</source>
      <translation>派单(&amp;S)…</translation>
    </message>
    <message>
      <source>Offer the order to one provider or several (Alt+S)</source>
      <translation>将点单派给一个或多个服务主体（Alt+S）</translation>
    </message>
    <message>
      <source>&amp;Accepted…</source>
      <translation>接单(&amp;A)…</translation>
    </message>
    <message>
      <source>The provider accepts; bind the contract amount (Alt+A)</source>
      <translation>服务主体接单，确定合同金额（Alt+A）</translation>
    </message>
    <message>
      <source>Decli&amp;ned…</source>
      <translation>拒单(&amp;N)…</translation>
    </message>
    <message>
      <source>The provider declines, with its reason (Alt+N)</source>
      <translation>服务主体拒单，写明原因（Alt+N）</translation>
    </message>
    <message>
      <source>&amp;Expired…</source>
      <translation>超时退回(&amp;E)…</translation>
    </message>
    <message>
      <source>Nobody accepted in time: back to the list (Alt+E)</source>
      <translation>无人按时接单：退回待派单（Alt+E）</translation>
    </message>
    <message>
      <source>Reca&amp;ll…</source>
      <translation>撤回派单(&amp;L)…</translation>
    </message>
    <message>
      <source>Take the dispatch back (Alt+L)</source>
      <translation>撤回已派出的点单（Alt+L）</translation>
    </message>
    <message>
      <source>&amp;Session…</source>
      <translation>服务记录(&amp;S)…</translation>
    </message>
    <message>
      <source>Report a session: people served, volunteers (Alt+S)</source>
      <translation>登记一次服务：服务人数、参与志愿者（Alt+S）</translation>
    </message>
    <message>
      <source>&amp;Finished…</source>
      <translation>服务完成(&amp;F)…</translation>
    </message>
    <message>
      <source>The provider reports the work done (Alt+F)</source>
      <translation>服务主体报告服务已完成（Alt+F）</translation>
    </message>
    <message>
      <source>&amp;Rate…</source>
      <translation>评单(&amp;R)…</translation>
    </message>
    <message>
      <source>The resident's rating (Alt+R)</source>
      <translation>居民评价（Alt+R）</translation>
    </message>
    <message>
      <source>R&amp;edo…</source>
      <translation>不满意重做(&amp;E)…</translation>
    </message>
    <message>
      <source>The resident is unsatisfied: the provider redoes the work (Alt+E)</source>
      <translation>居民不满意：服务主体返工重做（Alt+E）</translation>
    </message>
    <message>
      <source>Chec&amp;k…</source>
      <translation>验收(&amp;K)…</translation>
    </message>
    <message>
      <source>Check actual against planned targets (Alt+K)</source>
      <translation>对照计划目标验收实际完成情况（Alt+K）</translation>
    </message>
    <message>
      <source>Pa&amp;y…</source>
      <translation>付款(&amp;Y)…</translation>
    </message>
    <message>
      <source>Record a payment (Alt+Y)</source>
      <translation>登记一笔付款（Alt+Y）</translation>
    </message>
    <message>
      <source>Se&amp;ttle…</source>
      <translation>结算(&amp;T)…</translation>
    </message>
    <message>
      <source>Close the order without a further payment (Alt+T)</source>
      <translation>不再付款，直接结算（Alt+T）</translation>
    </message>
    <message>
      <source>Ter&amp;minate…</source>
      <translation>终止(&amp;M)…</translation>
    </message>
    <message>
      <source>End the order early, with a reason (Alt+M)</source>
      <translation>提前终止点单，写明原因（Alt+M）</translation>
    </message>
    <message>
      <source>Cancel order (&amp;X)…</source>
      <translation>撤销(&amp;X)…</translation>
    </message>
    <message>
      <source>Cancel the order; what it committed is released (Alt+X)</source>
      <translation>撤销点单，释放已占用的资金（Alt+X）</translation>
    </message>
    <message>
      <source>{stage}  {n}  ({late} overdue)</source>
      <translation>{stage}  {n}（{late} 超时）</translation>
    </message>
    <message>
      <source>{moment} overdue</source>
      <translation>{moment} 已超时</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Ordered</source>
      <translation>点单日期</translation>
    </message>
    <message>
      <source>Resident</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>服务主体</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>完成期限</translation>
    </message>
    <message>
      <source>Stage due</source>
      <translation>本阶段时限</translation>
    </message>
    <message>
      <source>Category of the menu</source>
      <translation>服务类别</translation>
    </message>
    <message>
      <source>Fund</source>
      <translation>资金</translation>
    </message>
    <message>
      <source>Grid of the resident</source>
      <translation>居民所在网格</translation>
    </message>
    <message>
      <source>All grids</source>
      <translation>全部网格</translation>
    </message>
    <message>
      <source>Orders of one resident…</source>
      <translation>某位居民的点单…</translation>
    </message>
    <message>
      <source>Show the orders of every resident again</source>
      <translation>重新显示全部居民的点单</translation>
    </message>
    <message>
      <source>Day ordered</source>
      <translation>点单日期</translation>
    </message>
    <message>
      <source>&amp;Overdue only</source>
      <translation>只看超时(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Warnings only</source>
      <translation>只看提醒(&amp;W)</translation>
    </message>
    <message>
      <source>Orders that came back to the community: declined, expired, to redo …</source>
      <translation>退回社区的点单：被拒单、超时未接、需返工等</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <source>Stages with their orders (overdue in red); ↑/↓ choose</source>
      <translation>各阶段的点单数（超时的为红色）；↑/↓ 选择</translation>
    </message>
    <message>
      <source>&amp;Stages</source>
      <translation>阶段(&amp;S)</translation>
    </message>
    <message>
      <source>New order</source>
      <translation>居民点单</translation>
    </message>
    <message>
      <source>Record a resident's order (Ctrl+N)</source>
      <translation>登记居民点单（Ctrl+N）</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Open the selected order (Enter)</source>
      <translation>打开选中的点单（Enter）</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>All providers</source>
      <translation>全部服务主体</translation>
    </message>
    <message>
      <source>All funds</source>
      <translation>全部资金</translation>
    </message>
    <message>
      <source>1 order</source>
      <translation>1 个点单</translation>
    </message>
    <message>
      <source>{n} orders</source>
      <translation>{n} 个点单</translation>
    </message>
    <message>
      <source>No order matches the filters.</source>
      <translation>没有符合筛选条件的点单。</translation>
    </message>
    <message>
      <source>No service order yet.</source>
      <translation>还没有点单。</translation>
    </message>
    <message>
      <source>Resident: {name}  ×</source>
      <translation>居民：{name}  ×</translation>
    </message>
    <message>
      <source>Service orders</source>
      <translation>点单服务</translation>
    </message>
    <message>
      <source>Order number, e.g. DD202612-00001</source>
      <translation>点单编号，例如 DD202612-00001</translation>
    </message>
    <message>
      <source>Orders whose number starts with the text (Ctrl+F); Esc clears</source>
      <translation>编号以所输入内容开头的点单（Ctrl+F）；Esc 清除</translation>
    </message>
    <message>
      <source>Any day</source>
      <translation>不限日期</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>近 30 天</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>今年</translation>
    </message>
    <message>
      <source>From … to …</source>
      <translation>自定义…</translation>
    </message>
    <message>
      <source>Ordered on or after</source>
      <translation>点单日期起</translation>
    </message>
    <message>
      <source>Ordered on or before</source>
      <translation>点单日期止</translation>
    </message>
    <message>
      <source>Enter: open   Ctrl+N: new order   Ctrl+F: number   F5: refresh</source>
      <translation>Enter：打开   Ctrl+N：居民点单   Ctrl+F：编号   F5：刷新</translation>
    </message>
    <message>
      <source>Overdue since {moment}</source>
      <translation>自 {moment} 起超时</translation>
    </message>
    <message>
      <source>Open orders</source>
      <translation>未结点单</translation>
    </message>
    <message>
      <source>{stage}  {n}</source>
      <translation>{stage}  {n}</translation>
    </message>
    <message>
      <source>All orders</source>
      <translation>全部点单</translation>
    </message>
    <message>
      <source>Targets: planned / actual</source>
      <translation>目标：计划 / 实际</translation>
    </message>
    <message>
      <source>Budget and payments</source>
      <translation>预算与付款</translation>
    </message>
    <message>
      <source>Add f&amp;ile…</source>
      <translation>添加附件(&amp;I)…</translation>
    </message>
    <message>
      <source>Attach a photo, a sign-in sheet or a contract (Alt+I)</source>
      <translation>添加照片、签到表或合同（Alt+I）</translation>
    </message>
    <message>
      <source>Sa&amp;ve a copy…</source>
      <translation>另存副本(&amp;V)…</translation>
    </message>
    <message>
      <source>Save a copy of the selected file (Alt+V)</source>
      <translation>将选中的附件另存一份（Alt+V）</translation>
    </message>
    <message>
      <source>No step is open to you on this order.</source>
      <translation>您当前不能对此点单进行操作。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Close (Esc)</source>
      <translation>关闭（Esc）</translation>
    </message>
    <message>
      <source>Service order {number}</source>
      <translation>点单 {number}</translation>
    </message>
    <message>
      <source>Ordered {time}</source>
      <translation>点单于 {time}</translation>
    </message>
    <message>
      <source> (redone {n}×)</source>
      <translation>（返工 {n} 次）</translation>
    </message>
    <message>
      <source> (at the check)</source>
      <translation>（验收时）</translation>
    </message>
    <message>
      <source> (so far)</source>
      <translation>（目前）</translation>
    </message>
    <message>
      <source>Budget {budget} · paid {paid} · deducted {cut} · left to pay {left}</source>
      <translation>预算 {budget} · 已付 {paid} · 核减 {cut} · 待付 {left}</translation>
    </message>
    <message>
      <source>Offered to {names}</source>
      <translation>已派给 {names}</translation>
    </message>
    <message>
      <source>Description:</source>
      <translation>需求描述：</translation>
    </message>
    <message>
      <source>Scope of the work order:</source>
      <translation>工单服务范围：</translation>
    </message>
    <message>
      <source>History ({n})</source>
      <translation>办理过程（{n}）</translation>
    </message>
    <message>
      <source>Sessions ({n})</source>
      <translation>服务记录（{n}）</translation>
    </message>
    <message>
      <source>Payments ({n})</source>
      <translation>付款（{n}）</translation>
    </message>
    <message>
      <source>Files ({n})</source>
      <translation>附件（{n}）</translation>
    </message>
    <message>
      <source>Description and scope</source>
      <translation>需求与服务范围</translation>
    </message>
    <message>
      <source>Save a copy</source>
      <translation>另存副本</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>From request</source>
      <translation>来源诉求</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同金额</translation>
    </message>
    <message>
      <source>Rating</source>
      <translation>评价</translation>
    </message>
    <message>
      <source>{name}:</source>
      <translation>{name}：</translation>
    </message>
    <message>
      <source>Completion</source>
      <translation>完成率</translation>
    </message>
    <message>
      <source>Budget</source>
      <translation>预算</translation>
    </message>
    <message>
      <source>Committed</source>
      <translation>已承诺</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>已支付</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>By</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Reported by</source>
      <translation>报告人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人数</translation>
    </message>
    <message>
      <source>Key groups</source>
      <translation>重点人群</translation>
    </message>
    <message>
      <source>Volunteers</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>What was done</source>
      <translation>服务内容</translation>
    </message>
    <message>
      <source>Tranche</source>
      <translation>付款类型</translation>
    </message>
    <message>
      <source>Deduction</source>
      <translation>核减</translation>
    </message>
    <message>
      <source>Deduction reason</source>
      <translation>核减原因</translation>
    </message>
    <message>
      <source>Voucher</source>
      <translation>凭证号</translation>
    </message>
    <message>
      <source>Above-contract reason</source>
      <translation>超合同原因</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>添加时间</translation>
    </message>
    <message>
      <source>&amp;Work order</source>
      <translation>服务工单(&amp;W)</translation>
    </message>
    <message>
      <source>Print the work order for the provider (Ctrl+P)</source>
      <translation>打印交给服务主体的服务工单（Ctrl+P）</translation>
    </message>
    <message>
      <source>&amp;Confirmation</source>
      <translation>服务确认单(&amp;C)</translation>
    </message>
    <message>
      <source>Print the confirmation for the resident to sign (Ctrl+P)</source>
      <translation>打印请居民签字的服务确认单（Ctrl+P）</translation>
    </message>
    <message>
      <source>Rejection &amp;notice</source>
      <translation>驳回通知(&amp;N)</translation>
    </message>
    <message>
      <source>Print the rejection notice for the resident (Ctrl+P)</source>
      <translation>打印给居民的驳回通知（Ctrl+P）</translation>
    </message>
    <message>
      <source>{percent}% — {band}</source>
      <translation>{percent}% — {band}</translation>
    </message>
    <message>
      <source>Resident's comment:</source>
      <translation>居民意见：</translation>
    </message>
    <message>
      <source>Session recorded</source>
      <translation>服务记录已登记</translation>
    </message>
    <message>
      <source>The hours of {names} could not be passed to the love bank; enter them there by hand.</source>
      <translation>{names} 的服务时长未能转入爱心银行，请在爱心银行中手工登记。</translation>
    </message>
    <message>
      <source>Attach a file</source>
      <translation>添加附件</translation>
    </message>
    <message>
      <source>Photos and scans (*.jpg *.jpeg *.png *.bmp *.pdf *.tif *.tiff);;All files (*)</source>
      <translation>照片和扫描件 (*.jpg *.jpeg *.png *.bmp *.pdf *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
      <source>People served</source>
      <translation>服务人数</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>服务场次</translation>
    </message>
    <message>
      <source>Service order</source>
      <translation>点单</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>接单数</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按时率</translation>
    </message>
    <message>
      <source>Cost/person</source>
      <translation>人均成本</translation>
    </message>
    <message>
      <source>{fund} — {left} left</source>
      <translation>{fund} — 剩余 {left}</translation>
    </message>
    <message>
      <source>Add a &amp;fund line</source>
      <translation>增加资金来源(&amp;F)</translation>
    </message>
    <message>
      <source>Split the budget over another fund (Alt+F)</source>
      <translation>把预算分摊到另一项资金（Alt+F）</translation>
    </message>
    <message>
      <source> (may not pay for “{category}”)</source>
      <translation>（不得用于“{category}”）</translation>
    </message>
    <message>
      <source>Amount of this fund in yuan</source>
      <translation>该项资金的金额（元）</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Budget: {total}</source>
      <translation>预算合计：{total}</translation>
    </message>
    <message>
      <source>What the provider is to do</source>
      <translation>服务主体要做的事</translation>
    </message>
    <message>
      <source>&amp;Scope</source>
      <translation>服务范围(&amp;S)</translation>
    </message>
    <message>
      <source> people</source>
      <translation> 人</translation>
    </message>
    <message>
      <source>People to ser&amp;ve</source>
      <translation>计划服务人数(&amp;V)</translation>
    </message>
    <message>
      <source> sessions</source>
      <translation> 场次</translation>
    </message>
    <message>
      <source>Sessi&amp;ons</source>
      <translation>计划服务场次(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Key groups</source>
      <translation>重点人群(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;Deadline</source>
      <translation>完成期限(&amp;D)</translation>
    </message>
    <message>
      <source> working days</source>
      <translation> 个工作日</translation>
    </message>
    <message>
      <source>0: no publicity</source>
      <translation>0：不公示</translation>
    </message>
    <message>
      <source>&amp;Publicity</source>
      <translation>公示期(&amp;P)</translation>
    </message>
    <message>
      <source>Optional</source>
      <translation>选填</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>备注(&amp;N)</translation>
    </message>
    <message>
      <source>Budget (yuan)</source>
      <translation>预算（元）</translation>
    </message>
    <message>
      <source>Candidate providers (optional)</source>
      <translation>候选服务主体（选填）</translation>
    </message>
    <message>
      <source>{score} ({n})</source>
      <translation>{score}（{n}）</translation>
    </message>
    <message>
      <source>Save work order</source>
      <translation>保存工单</translation>
    </message>
    <message>
      <source>{title} for {resident}. A budget above {threshold} waits for the director's approval.</source>
      <translation>{resident}的“{title}”。预算超过 {threshold} 的需主任审批。</translation>
    </message>
    <message>
      <source>Space ticks or unticks the provider; </source>
      <translation>空格键勾选或取消服务主体；</translation>
    </message>
    <message>
      <source>does not list this category</source>
      <translation>服务领域不含此类别</translation>
    </message>
    <message>
      <source>no legal personality: unpaid only</source>
      <translation>无法人资格：只能无偿承接</translation>
    </message>
    <message>
      <source>Space ticks or unticks the line</source>
      <translation>空格键勾选或取消</translation>
    </message>
    <message>
      <source>e.g. 1200.00</source>
      <translation>例如 1200.00</translation>
    </message>
    <message>
      <source>{step}: order {number}</source>
      <translation>{step}：点单 {number}</translation>
    </message>
    <message>
      <source>Add a volunteer: name, pinyin initials or phone</source>
      <translation>添加志愿者：姓名、拼音首字母或电话</translation>
    </message>
    <message>
      <source>No volunteer found.</source>
      <translation>没有找到志愿者。</translation>
    </message>
    <message>
      <source>{n} h</source>
      <translation>{n} 小时</translation>
    </message>
    <message>
      <source>{n} KB</source>
      <translation>{n} KB</translation>
    </message>
    <message>
      <source>Orders taken; on time = finished by the deadline; rating = mean of satisfied 3, basically satisfied 2, unsatisfied 1; completion = mean rate at acceptance; cost = paid on settled orders per person served</source>
      <translation>接单数；按时率 = 在完成期限内完成的比例；评价 = 满意 3、基本满意 2、不满意 1 的平均分；完成率 = 验收时完成率的平均值；人均成本 = 已结算点单的付款额 ÷ 服务人数</translation>
    </message>
    <message>
      <source>{amount} yuan</source>
      <translation>{amount} 元</translation>
    </message>
    <message>
      <source>{n} MB</source>
      <translation>{n} MB</translation>
    </message>
    <message>
      <source>Committed {committed}, paid {paid}: the total cannot be less than what is committed.</source>
      <translation>已承诺 {committed}，已支付 {paid}：总额不能少于已承诺的金额。</translation>
    </message>
    <message>
      <source>e.g. {year}年党组织服务群众专项经费</source>
      <translation>例如 {year}年党组织服务群众专项经费</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>名称(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Year</source>
      <translation>年度(&amp;Y)</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>类型(&amp;K)</translation>
    </message>
    <message>
      <source>e.g. 200000.00</source>
      <translation>例如 200000.00</translation>
    </message>
    <message>
      <source>&amp;Total (yuan)</source>
      <translation>总额（元）(&amp;T)</translation>
    </message>
    <message>
      <source>No cap</source>
      <translation>不设上限</translation>
    </message>
    <message>
      <source>The most one order may take from this fund; empty: no cap</source>
      <translation>每个点单最多可使用的金额；留空为不设上限</translation>
    </message>
    <message>
      <source>&amp;Cap per order (yuan)</source>
      <translation>每单上限（元）(&amp;C)</translation>
    </message>
    <message>
      <source>May not &amp;pay for</source>
      <translation>不得支付的类别(&amp;P)</translation>
    </message>
    <message>
      <source>Optional: where the money comes from, its rules</source>
      <translation>选填：资金来源和使用规定</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>&amp;Month</source>
      <translation>月份(&amp;M)</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Government purchase statement</source>
      <translation>政府购买服务明细</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>Every payment of the month, by fund and provider, with signature lines.</source>
      <translation>本月全部付款，按资金来源和服务主体汇总，附签字栏。</translation>
    </message>
    <message>
      <source>Edit fund {name}</source>
      <translation>修改资金：{name}</translation>
    </message>
    <message>
      <source>New fund</source>
      <translation>新增资金</translation>
    </message>
    <message>
      <source>No fund yet.</source>
      <translation>还没有资金。</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>总额</translation>
    </message>
    <message>
      <source>Remaining</source>
      <translation>剩余</translation>
    </message>
    <message>
      <source>Cap per order</source>
      <translation>每单上限</translation>
    </message>
    <message>
      <source>May not pay for</source>
      <translation>不得支付的类别</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Show &amp;closed funds</source>
      <translation>显示已关闭的资金(&amp;C)</translation>
    </message>
    <message>
      <source>Payments of the fund</source>
      <translation>该资金的付款</translation>
    </message>
    <message>
      <source>Add a fund or budget line (Ctrl+N)</source>
      <translation>新增资金或预算科目（Ctrl+N）</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Change the selected fund (Enter)</source>
      <translation>修改选中的资金（Enter）</translation>
    </message>
    <message>
      <source>Close fund</source>
      <translation>关闭资金</translation>
    </message>
    <message>
      <source>A closed fund takes no new work orders</source>
      <translation>已关闭的资金不能用于新的工单</translation>
    </message>
    <message>
      <source>Monthly statement…</source>
      <translation>月度明细…</translation>
    </message>
    <message>
      <source>Print the month's government purchase statement (Ctrl+P)</source>
      <translation>打印当月政府购买服务明细（Ctrl+P）</translation>
    </message>
    <message>
      <source>1 fund</source>
      <translation>1 项资金</translation>
    </message>
    <message>
      <source>{n} funds</source>
      <translation>{n} 项资金</translation>
    </message>
    <message>
      <source>All shown: total {total} · committed {committed} · paid {paid} · remaining {left}</source>
      <translation>合计：总额 {total} · 已承诺 {committed} · 已支付 {paid} · 剩余 {left}</translation>
    </message>
    <message>
      <source>Payments of {fund} ({n})</source>
      <translation>{fund}的付款（{n}）</translation>
    </message>
    <message>
      <source>Funds</source>
      <translation>资金管理</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>点单</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>Reopen fund</source>
      <translation>重新启用</translation>
    </message>
    <message>
      <source>Enter: edit   Ctrl+N: new fund   Ctrl+P: monthly statement</source>
      <translation>Enter：修改   Ctrl+N：新增资金   Ctrl+P：月度明细</translation>
    </message>
    <message>
      <source>Ctrl+P: monthly statement</source>
      <translation>Ctrl+P：月度明细</translation>
    </message>
    <message>
      <source>&amp;Category</source>
      <translation>类别(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Unit</source>
      <translation>单位(&amp;U)</translation>
    </message>
    <message>
      <source>0.00</source>
      <translation>0.00</translation>
    </message>
    <message>
      <source>&amp;Guide price (yuan)</source>
      <translation>指导价（元）(&amp;G)</translation>
    </message>
    <message>
      <source>What the service is</source>
      <translation>服务内容说明</translation>
    </message>
    <message>
      <source>&amp;Description</source>
      <translation>说明(&amp;D)</translation>
    </message>
    <message>
      <source>None ticked: any kind may deliver it. Space ticks.</source>
      <translation>都不勾选：任何类型都可提供。空格键勾选。</translation>
    </message>
    <message>
      <source>Delivered &amp;by</source>
      <translation>可承接的主体类型(&amp;B)</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Guide price</source>
      <translation>指导价</translation>
    </message>
    <message>
      <source>Delivered by</source>
      <translation>可承接类型</translation>
    </message>
    <message>
      <source>Show &amp;withdrawn</source>
      <translation>显示已下架(&amp;W)</translation>
    </message>
    <message>
      <source>New service</source>
      <translation>新增服务项目</translation>
    </message>
    <message>
      <source>Add a service to the menu (Ctrl+N)</source>
      <translation>在服务清单中新增项目（Ctrl+N）</translation>
    </message>
    <message>
      <source>Change the selected service (Enter)</source>
      <translation>修改选中的服务项目（Enter）</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>下架</translation>
    </message>
    <message>
      <source>A withdrawn service cannot be ordered</source>
      <translation>下架的服务项目不能再点单</translation>
    </message>
    <message>
      <source>1 service</source>
      <translation>1 个服务项目</translation>
    </message>
    <message>
      <source>{n} services</source>
      <translation>{n} 个服务项目</translation>
    </message>
    <message>
      <source>No service matches.</source>
      <translation>没有符合条件的服务项目。</translation>
    </message>
    <message>
      <source>The menu is empty.</source>
      <translation>服务清单为空。</translation>
    </message>
    <message>
      <source>e.g. 助老服务</source>
      <translation>例如 助老服务</translation>
    </message>
    <message>
      <source>Service menu</source>
      <translation>服务清单</translation>
    </message>
    <message>
      <source>Category or service</source>
      <translation>类别或服务项目</translation>
    </message>
    <message>
      <source>Items whose category or name contains the text (Ctrl+F); Esc clears</source>
      <translation>类别或名称包含所输入内容的项目（Ctrl+F）；Esc 清除</translation>
    </message>
    <message>
      <source>Edit service {name}</source>
      <translation>修改服务项目：{name}</translation>
    </message>
    <message>
      <source>Any kind</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>Offered</source>
      <translation>在用</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>已下架</translation>
    </message>
    <message>
      <source>Offer again</source>
      <translation>重新上架</translation>
    </message>
    <message>
      <source>Enter: edit   Ctrl+N: new   Ctrl+F: search</source>
      <translation>Enter：修改   Ctrl+N：新增   Ctrl+F：搜索</translation>
    </message>
    <message>
      <source>The final payment comes after the check and settles the order</source>
      <translation>尾款在验收之后支付，付清后点单结算</translation>
    </message>
    <message>
      <source>&amp;Tranche</source>
      <translation>付款类型(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Fund</source>
      <translation>资金来源(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Amount (yuan)</source>
      <translation>金额（元）(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Day paid</source>
      <translation>付款日期(&amp;D)</translation>
    </message>
    <message>
      <source>The voucher number, used once only</source>
      <translation>凭证号，不能重复使用</translation>
    </message>
    <message>
      <source>&amp;Voucher no.</source>
      <translation>凭证号(&amp;V)</translation>
    </message>
    <message>
      <source>Cut from the contract (核减), e.g. for targets not met</source>
      <translation>从合同金额中核减，例如未完成目标的部分</translation>
    </message>
    <message>
      <source>Dedu&amp;ction (yuan)</source>
      <translation>核减（元）(&amp;C)</translation>
    </message>
    <message>
      <source>Required with a deduction</source>
      <translation>有核减时必填</translation>
    </message>
    <message>
      <source>Deduction &amp;reason</source>
      <translation>核减原因(&amp;R)</translation>
    </message>
    <message>
      <source>Only when the payment goes above the contract: the director's reason</source>
      <translation>仅在付款超过合同金额时填写：主任的书面理由</translation>
    </message>
    <message>
      <source>Above contract: reas&amp;on</source>
      <translation>超合同理由(&amp;O)</translation>
    </message>
    <message>
      <source>Record payment</source>
      <translation>登记付款</translation>
    </message>
    <message>
      <source>{provider}: contract {contract}, paid {paid}, deducted {cut}, left {left}.</source>
      <translation>{provider}：合同 {contract}，已付 {paid}，核减 {cut}，待付 {left}。</translation>
    </message>
    <message>
      <source>{fund} — {left} committed, unpaid</source>
      <translation>{fund} — 已承诺未付 {left}</translation>
    </message>
    <message>
      <source>This order has no fund line to pay from.</source>
      <translation>此点单没有可付款的资金来源。</translation>
    </message>
    <message>
      <source>The order then waits for the community to review it (Ctrl+Enter saves).</source>
      <translation>登记后等待社区审核（Ctrl+Enter 保存）。</translation>
    </message>
    <message>
      <source>No resident chosen yet.</source>
      <translation>尚未选择居民。</translation>
    </message>
    <message>
      <source>&amp;Resident</source>
      <translation>居民(&amp;R)</translation>
    </message>
    <message>
      <source>From the service &amp;menu</source>
      <translation>从服务清单选择(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Free description</source>
      <translation>自由描述(&amp;F)</translation>
    </message>
    <message>
      <source>Choose a service…</source>
      <translation>请选择服务项目…</translation>
    </message>
    <message>
      <source> — guide {price}/{unit}</source>
      <translation> — 指导价 {price}/{unit}</translation>
    </message>
    <message>
      <source>&amp;Service</source>
      <translation>服务项目(&amp;S)</translation>
    </message>
    <message>
      <source>Optional: a short title (the menu item's name by default)</source>
      <translation>选填：简短标题（默认为服务项目名称）</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>标题(&amp;T)</translation>
    </message>
    <message>
      <source>What the resident needs, in their words</source>
      <translation>居民的需求（居民原话）</translation>
    </message>
    <message>
      <source>{name}, {phone}, {where}</source>
      <translation>{name}，{phone}，{where}</translation>
    </message>
    <message>
      <source>Turned from request {number}: the order keeps the link and then waits for the community to review it (Ctrl+Enter saves).</source>
      <translation>由诉求 {number} 转为点单：订单与该诉求保持关联，提交后等待社区审核（Ctrl+Enter 保存）。</translation>
    </message>
    <message>
      <source>New service order</source>
      <translation>居民点单</translation>
    </message>
    <message>
      <source>Place order</source>
      <translation>登记点单</translation>
    </message>
    <message>
      <source>Choose or type a category</source>
      <translation>选择或输入类别</translation>
    </message>
    <message>
      <source>Optional: anything the resident adds</source>
      <translation>选填：居民补充的要求</translation>
    </message>
    <message>
      <source>Find the resident and pick them from the list (Enter).</source>
      <translation>请查找居民并从列表中选中（Enter）。</translation>
    </message>
    <message>
      <source>Choose a service of the menu, or describe the need freely.</source>
      <translation>请从服务清单中选择项目，或改为自由描述。</translation>
    </message>
    <message>
      <source>Government purchase statement {year}-{month}</source>
      <translation>政府购买服务明细 {year}-{month}</translation>
    </message>
    <message>
      <source>Work order {number}</source>
      <translation>服务工单 {number}</translation>
    </message>
    <message>
      <source>Service confirmation {number}</source>
      <translation>服务确认单 {number}</translation>
    </message>
    <message>
      <source>Rejection notice {number}</source>
      <translation>驳回通知 {number}</translation>
    </message>
    <message>
      <source>18 characters, e.g. 52370303MJE123456X</source>
      <translation>18 位，例如 52370303MJE123456X</translation>
    </message>
    <message>
      <source>&amp;Credit code</source>
      <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
      <source>Optional: an old registration number</source>
      <translation>选填：原登记证号</translation>
    </message>
    <message>
      <source>&amp;Legacy code</source>
      <translation>原登记证号(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Person in charge</source>
      <translation>负责人(&amp;P)</translation>
    </message>
    <message>
      <source>P&amp;hone</source>
      <translation>电话(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Address</source>
      <translation>地址(&amp;A)</translation>
    </message>
    <message>
      <source>Service a&amp;reas</source>
      <translation>服务领域(&amp;R)</translation>
    </message>
    <message>
      <source>No love-bank team</source>
      <translation>不关联爱心银行队伍</translation>
    </message>
    <message>
      <source>Love-bank &amp;team</source>
      <translation>爱心银行队伍(&amp;T)</translation>
    </message>
    <message>
      <source>Not rated</source>
      <translation>未评估</translation>
    </message>
    <message>
      <source>Assessment &amp;grade</source>
      <translation>评估等级(&amp;G)</translation>
    </message>
    <message>
      <source>The grade is valid for five years from this day</source>
      <translation>评估等级自评定之日起 5 年有效</translation>
    </message>
    <message>
      <source>Rated &amp;on</source>
      <translation>评定日期(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Result</source>
      <translation>结果(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Listed as discredited / abnormal</source>
      <translation>列入失信/活动异常名录(&amp;L)</translation>
    </message>
    <message>
      <source>Listed &amp;on</source>
      <translation>列入日期(&amp;O)</translation>
    </message>
    <message>
      <source>Where it was listed and why</source>
      <translation>列入的名录及原因</translation>
    </message>
    <message>
      <source>Leave empty to keep {value}</source>
      <translation>留空则保持 {value}</translation>
    </message>
    <message>
      <source>Mobile, or landline with area code</source>
      <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
      <source>Annual inspection of {name}</source>
      <translation>{name}的年检/年报</translation>
    </message>
    <message>
      <source>Discredited / abnormal: {name}</source>
      <translation>失信/活动异常：{name}</translation>
    </message>
    <message>
      <source>A provider listed as discredited or abnormal cannot be given orders.</source>
      <translation>列入失信或活动异常名录的服务主体不能承接点单。</translation>
    </message>
    <message>
      <source>Edit provider {name}</source>
      <translation>修改服务主体：{name}</translation>
    </message>
    <message>
      <source>New provider</source>
      <translation>新增服务主体</translation>
    </message>
    <message>
      <source>Recorded so far: {history}</source>
      <translation>已登记：{history}</translation>
    </message>
    <message>
      <source>Write where it was listed and why.</source>
      <translation>请写明列入的名录及原因。</translation>
    </message>
    <message>
      <source> (expired {day})</source>
      <translation>（{day} 已过期）</translation>
    </message>
    <message>
      <source> (until {day})</source>
      <translation>（至 {day}）</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>提醒</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>评估等级</translation>
    </message>
    <message>
      <source>Inspection</source>
      <translation>年检</translation>
    </message>
    <message>
      <source>May be paid</source>
      <translation>可签约付款</translation>
    </message>
    <message>
      <source>Credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>Service areas</source>
      <translation>服务领域</translation>
    </message>
    <message>
      <source>Kind of provider</source>
      <translation>服务主体类型</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>Show &amp;inactive</source>
      <translation>显示已停用(&amp;I)</translation>
    </message>
    <message>
      <source>With &amp;warnings only</source>
      <translation>只看有提醒的(&amp;W)</translation>
    </message>
    <message>
      <source>Register a provider (Ctrl+N)</source>
      <translation>登记服务主体（Ctrl+N）</translation>
    </message>
    <message>
      <source>Change the selected provider (Enter)</source>
      <translation>修改选中的服务主体（Enter）</translation>
    </message>
    <message>
      <source>Annual inspection…</source>
      <translation>年检/年报…</translation>
    </message>
    <message>
      <source>Record a year's 年检/年报 result</source>
      <translation>登记某年度的年检/年报结果</translation>
    </message>
    <message>
      <source>Discredited flag…</source>
      <translation>失信标记…</translation>
    </message>
    <message>
      <source>Set or clear the 失信/活动异常 flag</source>
      <translation>设置或取消失信/活动异常标记</translation>
    </message>
    <message>
      <source>Deactivate</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>An inactive provider takes no orders</source>
      <translation>停用的服务主体不能承接点单</translation>
    </message>
    <message>
      <source>Add certificate…</source>
      <translation>添加证书…</translation>
    </message>
    <message>
      <source>Keep a certificate with the provider</source>
      <translation>保存服务主体的证书</translation>
    </message>
    <message>
      <source>1 provider</source>
      <translation>1 个服务主体</translation>
    </message>
    <message>
      <source>{n} providers</source>
      <translation>{n} 个服务主体</translation>
    </message>
    <message>
      <source>No provider matches.</source>
      <translation>没有符合条件的服务主体。</translation>
    </message>
    <message>
      <source>No provider registered yet.</source>
      <translation>还没有登记服务主体。</translation>
    </message>
    <message>
      <source>Add certificate</source>
      <translation>添加证书</translation>
    </message>
    <message>
      <source>Kept {name} with {provider}.</source>
      <translation>已将 {name} 保存到 {provider}。</translation>
    </message>
    <message>
      <source>Providers</source>
      <translation>服务主体</translation>
    </message>
    <message>
      <source>Name of the provider</source>
      <translation>服务主体名称</translation>
    </message>
    <message>
      <source>Providers whose name contains the text (Ctrl+F); Esc clears</source>
      <translation>名称包含所输入内容的服务主体（Ctrl+F）；Esc 清除</translation>
    </message>
    <message>
      <source>Provider saved</source>
      <translation>服务主体已保存</translation>
    </message>
    <message>
      <source>Scans and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
      <translation>扫描件和照片 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Activate</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Inactive: takes no orders</source>
      <translation>已停用：不能承接点单</translation>
    </message>
    <message>
      <source>Saved, with warnings:</source>
      <translation>已保存，但有以下提醒：</translation>
    </message>
    <message>
      <source>Ctrl+F: search</source>
      <translation>Ctrl+F：搜索</translation>
    </message>
    <message>
      <source>&amp;Day</source>
      <translation>服务日期(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;People served</source>
      <translation>服务人数(&amp;P)</translation>
    </message>
    <message>
      <source>Of them, &amp;key groups</source>
      <translation>其中重点人群(&amp;K)</translation>
    </message>
    <message>
      <source>No volunteer added.</source>
      <translation>尚未添加志愿者。</translation>
    </message>
    <message>
      <source>&amp;Volunteers</source>
      <translation>参与志愿者(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;What was done</source>
      <translation>服务内容(&amp;W)</translation>
    </message>
    <message>
      <source>&amp;Reported by</source>
      <translation>报告人(&amp;R)</translation>
    </message>
    <message>
      <source> h</source>
      <translation> 小时</translation>
    </message>
    <message>
      <source>Hours {name} served</source>
      <translation>{name}的服务时长</translation>
    </message>
    <message>
      <source>Remove {name} from the session</source>
      <translation>从本次服务中移除 {name}</translation>
    </message>
    <message>
      <source>Record session</source>
      <translation>登记服务记录</translation>
    </message>
    <message>
      <source>The volunteers' hours go to the love bank as pending records, approved there.</source>
      <translation>志愿者的服务时长将作为待审核记录转入爱心银行，在爱心银行中审核。</translation>
    </message>
    <message>
      <source>People of “{group}” among those served</source>
      <translation>服务对象中“{group}”的人数</translation>
    </message>
    <message>
      <source>Pick the volunteer from the list (Enter) or clear the box.</source>
      <translation>请从列表中选中志愿者（Enter），或清空输入框。</translation>
    </message>
    <message>
      <source>Name and position, e.g. 张敏（项目主管）</source>
      <translation>姓名和职务，例如 张敏（项目主管）</translation>
    </message>
    <message>
      <source>&amp;Provider</source>
      <translation>服务主体(&amp;P)</translation>
    </message>
    <message>
      <source>The community will serve this order; it then waits for a work order (待制单).</source>
      <translation>社区受理此点单，随后进入待制单。</translation>
    </message>
    <message>
      <source>Take in</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>The resident is told the reason; it prints on the rejection notice.</source>
      <translation>驳回原因将告知居民，并打印在驳回通知上。</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>驳回</translation>
    </message>
    <message>
      <source>Approve the work order and its budget; it goes on to publicity or dispatch.</source>
      <translation>批准工单及其预算，随后进入公示或待派单。</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>审批通过</translation>
    </message>
    <message>
      <source>The draft goes back to be drafted again; the money it committed is released.</source>
      <translation>工单退回重新制单，已占用的资金予以释放。</translation>
    </message>
    <message>
      <source>Send back</source>
      <translation>退回</translation>
    </message>
    <message>
      <source>Record an objection raised during the publicity; the order stays in publicity.</source>
      <translation>记录公示期间提出的异议，点单仍在公示中。</translation>
    </message>
    <message>
      <source>Record objection</source>
      <translation>记录异议</translation>
    </message>
    <message>
      <source>The publicity period is over; the order may be dispatched.</source>
      <translation>公示期已满，可以派单。</translation>
    </message>
    <message>
      <source>Close publicity</source>
      <translation>公示期满</translation>
    </message>
    <message>
      <source>Draft the work order again; the money it committed is released.</source>
      <translation>重新编制工单，已占用的资金予以释放。</translation>
    </message>
    <message>
      <source>Redraft</source>
      <translation>重新制单</translation>
    </message>
    <message>
      <source>Take the dispatch back before a provider accepted; it waits for dispatch again.</source>
      <translation>在服务主体接单前撤回派单，重新等待派单。</translation>
    </message>
    <message>
      <source>Recall</source>
      <translation>撤回</translation>
    </message>
    <message>
      <source>End the order early: no further payment, and what was not paid is released.</source>
      <translation>提前终止点单：不再付款，未支付的资金予以释放。</translation>
    </message>
    <message>
      <source>Terminate</source>
      <translation>终止</translation>
    </message>
    <message>
      <source>Cancel the order before a provider accepted it; what it committed is released.</source>
      <translation>在服务主体接单前撤销点单，已占用的资金予以释放。</translation>
    </message>
    <message>
      <source>Cancel order</source>
      <translation>撤销点单</translation>
    </message>
    <message>
      <source>Close the order without a further payment; what it still commits is released.</source>
      <translation>不再付款，直接结算；仍占用的资金予以释放。</translation>
    </message>
    <message>
      <source>Settle</source>
      <translation>结算</translation>
    </message>
    <message>
      <source>&amp;Providers</source>
      <translation>服务主体(&amp;P)</translation>
    </message>
    <message>
      <source>at {time}</source>
      <translation>{time} 前</translation>
    </message>
    <message>
      <source>&amp;Accept by</source>
      <translation>接单截止(&amp;A)</translation>
    </message>
    <message>
      <source>Contract &amp;amount (yuan)</source>
      <translation>合同金额（元）(&amp;A)</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>必填</translation>
    </message>
    <message>
      <source>Reaso&amp;n</source>
      <translation>原因(&amp;N)</translation>
    </message>
    <message>
      <source>Required when unsatisfied: what must be redone</source>
      <translation>不满意时必填：需要返工的内容</translation>
    </message>
    <message>
      <source>&amp;Comment</source>
      <translation>意见(&amp;C)</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>{left} of the contract is not paid.</source>
      <translation>合同金额中尚有 {left} 未支付。</translation>
    </message>
    <message>
      <source>&amp;Reason</source>
      <translation>原因(&amp;R)</translation>
    </message>
    <message>
      <source>Put back</source>
      <translation>退回待派单</translation>
    </message>
    <message>
      <source>The time to accept ended at {moment}. Put the order back on the list to dispatch (待派单)?</source>
      <translation>接单时限已于 {moment} 结束。是否将点单退回待派单？</translation>
    </message>
    <message>
      <source>Dispatch</source>
      <translation>派单</translation>
    </message>
    <message>
      <source>Tick the provider(s) to offer the order to; the first to accept takes it.</source>
      <translation>勾选要派给的服务主体；先接单者承接。</translation>
    </message>
    <message>
      <source>Record acceptance</source>
      <translation>登记接单</translation>
    </message>
    <message>
      <source>Budget {budget}. The contract amount stays committed against the funds; the rest is released.</source>
      <translation>预算 {budget}。合同金额继续占用资金，其余部分予以释放。</translation>
    </message>
    <message>
      <source>No provider is waiting to answer.</source>
      <translation>没有等待答复的服务主体。</translation>
    </message>
    <message>
      <source>Record refusal</source>
      <translation>登记拒单</translation>
    </message>
    <message>
      <source>When no candidate is left, the order goes back to the list to dispatch.</source>
      <translation>没有其他候选主体时，点单退回待派单。</translation>
    </message>
    <message>
      <source>Record completion</source>
      <translation>登记服务完成</translation>
    </message>
    <message>
      <source>So far {people} of {planned_people} people served in {sessions} of {planned_sessions} sessions.</source>
      <translation>目前已服务 {people} 人（计划 {planned_people} 人），{sessions} 场次（计划 {planned_sessions} 场次）。</translation>
    </message>
    <message>
      <source>Record rating</source>
      <translation>登记评价</translation>
    </message>
    <message>
      <source>How satisfied is the resident with “{title}” by {provider}?</source>
      <translation>居民对 {provider} 提供的“{title}”是否满意？</translation>
    </message>
    <message>
      <source>Accept the work</source>
      <translation>验收通过</translation>
    </message>
    <message>
      <source>Check what was done against the work order; the order then waits for its final payment.</source>
      <translation>对照工单验收完成情况，随后等待支付尾款。</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>计划</translation>
    </message>
    <message>
      <source>Actual</source>
      <translation>实际</translation>
    </message>
    <message>
      <source>Key groups served</source>
      <translation>服务的重点人群</translation>
    </message>
    <message>
      <source>{n} taken, on time {rate}</source>
      <translation>接单 {n}，按时率 {rate}</translation>
    </message>
    <message>
      <source>warning: {text}</source>
      <translation>提醒：{text}</translation>
    </message>
    <message>
      <source>It takes the order without payment (0).</source>
      <translation>只能无偿承接（合同金额为 0）。</translation>
    </message>
    <message>
      <source>Tick at least one provider (Space).</source>
      <translation>请至少勾选一个服务主体（空格键）。</translation>
    </message>
  </context>
  <context>
    <name>pdf</name>
    <message>
      <source>The PDF could not be written: {error}</source>
      <translation>无法写入 PDF：{error}</translation>
    </message>
  </context>
  <context>
    <name>preview</name>
    <message>
      <source>{n} page(s) — {title}</source>
      <translation>共 {n} 页 — {title}</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Print (Enter or Ctrl+P); Esc closes</source>
      <translation>打印（Enter 或 Ctrl+P）；Esc 关闭</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>reception</name>
    <message>
      <source>Possible duplicates</source>
      <translation>疑似重复诉求</translation>
    </message>
    <message>
      <source>Same resident, or same address and category, in the last 30 days</source>
      <translation>近 30 天内同一居民，或同一住址、同一分类的诉求</translation>
    </message>
    <message>
      <source>Enter or double-click opens the request</source>
      <translation>回车或双击打开诉求</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>诉求分类</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Possible duplicates ({n})</source>
      <translation>疑似重复诉求（{n}）</translation>
    </message>
    <message>
      <source>Not assigned yet</source>
      <translation>尚未派单</translation>
    </message>
    <message>
      <source>None in the last 30 days.</source>
      <translation>近 30 天内没有。</translation>
    </message>
    <message>
      <source>Shown here once the resident is chosen.</source>
      <translation>选定居民后在此显示。</translation>
    </message>
    <message>
      <source>Assisting departments: Space opens the list, Space ticks</source>
      <translation>协办单位：按空格打开列表，再按空格勾选</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Nothing matches; try other characters</source>
      <translation>没有匹配项，请换几个字试试</translation>
    </message>
    <message>
      <source>Assisting departments (optional)</source>
      <translation>协办单位（选填）</translation>
    </message>
    <message>
      <source>Resident *</source>
      <translation>居民 *</translation>
    </message>
    <message>
      <source>Alt+1…5</source>
      <translation>Alt+1…5</translation>
    </message>
    <message>
      <source>Channel *</source>
      <translation>渠道 *</translation>
    </message>
    <message>
      <source>Type a few characters or pinyin initials; ↓ lists all</source>
      <translation>输入几个字或拼音首字母；按 ↓ 列出全部</translation>
    </message>
    <message>
      <source>Category *</source>
      <translation>诉求分类 *</translation>
    </message>
    <message>
      <source>What the resident asks for, in their words</source>
      <translation>按居民原话记录诉求</translation>
    </message>
    <message>
      <source>Description *</source>
      <translation>诉求内容 *</translation>
    </message>
    <message>
      <source>Optional: empty registers only</source>
      <translation>选填：留空则只登记、不派单</translation>
    </message>
    <message>
      <source>Assisting</source>
      <translation>协办</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>主办单位</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>办理层级</translation>
    </message>
    <message>
      <source>More than 1: a group visit (集体访); type the number or use ↑/↓</source>
      <translation>多于 1 人即为集体访；可直接输入人数或用 ↑/↓ 调整</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>来访人数</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Add files…</source>
      <translation>添加文件…</translation>
    </message>
    <message>
      <source>Photos or scans; stored with the request when it is registered</source>
      <translation>照片或扫描件；登记诉求时一并保存</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>No grid</source>
      <translation>未分网格</translation>
    </message>
    <message>
      <source>Attach photos or scans</source>
      <translation>添加照片或扫描件</translation>
    </message>
    <message>
      <source>Photos and scans (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.heic *.pdf);;All files (*)</source>
      <translation>照片和扫描件 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.heic *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Pick a category from the list.</source>
      <translation>请从列表中选择分类。</translation>
    </message>
    <message>
      <source>Pick a department from the list, or leave it empty.</source>
      <translation>请从列表中选择单位，或留空。</translation>
    </message>
    <message>
      <source>Alt+{n}</source>
      <translation>Alt+{n}</translation>
    </message>
    <message>
      <source>Group visit</source>
      <translation>集体访</translation>
    </message>
    <message>
      <source>{n} file(s): {names}</source>
      <translation>{n} 个文件：{names}</translation>
    </message>
    <message>
      <source>No files</source>
      <translation>无附件</translation>
    </message>
    <message>
      <source>{name} is empty.</source>
      <translation>{name} 为空文件。</translation>
    </message>
    <message>
      <source>{name} cannot be read.</source>
      <translation>无法读取 {name}。</translation>
    </message>
    <message>
      <source>{name} is {mb} MB; at most {max} MB.</source>
      <translation>{name} 大小为 {mb} MB，最大 {max} MB。</translation>
    </message>
    <message>
      <source>Enter: pick · F3: new resident · Alt+1…5: channel · Ctrl+S: register · Ctrl+P: print slip</source>
      <translation>回车：选定 · F3：新建居民 · Alt+1…5：渠道 · Ctrl+S：登记 · Ctrl+P：打印回执</translation>
    </message>
    <message>
      <source>Print slip (Ctrl+P)</source>
      <translation>打印回执（Ctrl+P）</translation>
    </message>
    <message>
      <source>Preview and print the receipt slip (回执) for the resident</source>
      <translation>预览并打印交给居民的回执</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <source>Empty the form for the next visitor</source>
      <translation>清空表单，接待下一位来访者</translation>
    </message>
    <message>
      <source>Register (Ctrl+S)</source>
      <translation>登记（Ctrl+S）</translation>
    </message>
    <message>
      <source>Register the request (Ctrl+S or Ctrl+Enter)</source>
      <translation>登记诉求（Ctrl+S 或 Ctrl+回车）</translation>
    </message>
    <message>
      <source>Your role may look up requests but not register them.</source>
      <translation>您的角色可以查询诉求，但不能登记诉求。</translation>
    </message>
    <message>
      <source>Request {number} registered for {name}, sent to {department}.</source>
      <translation>已为 {name} 登记诉求 {number}，派单至 {department}。</translation>
    </message>
    <message>
      <source>Request {number} registered for {name}.</source>
      <translation>已为 {name} 登记诉求 {number}。</translation>
    </message>
    <message>
      <source>The slip could not be made: {why}</source>
      <translation>无法生成回执：{why}</translation>
    </message>
    <message>
      <source>{label} ({keys})</source>
      <translation>{label}（{keys}）</translation>
    </message>
    <message>
      <source>{keys}: {label}</source>
      <translation>{keys}：{label}</translation>
    </message>
    <message>
      <source>Not attached: {files}</source>
      <translation>以下文件未能添加为附件：{files}</translation>
    </message>
    <message>
      <source>Choose the resident first (Enter picks).</source>
      <translation>请先选定居民（回车选择）。</translation>
    </message>
    <message>
      <source>Clear the form</source>
      <translation>清空表单</translation>
    </message>
    <message>
      <source>The description has not been registered. Clear the form anyway?</source>
      <translation>诉求内容尚未登记。仍要清空表单吗？</translation>
    </message>
    <message>
      <source>No resident found.</source>
      <translation>未找到居民。</translation>
    </message>
    <message>
      <source>Name, pinyin initials (zs), phone, ID number or address</source>
      <translation>姓名、拼音首字母（如 zs）、电话、身份证号或住址</translation>
    </message>
    <message>
      <source>Type to search; ↓/↑ choose, Enter picks (Ctrl+F comes back here)</source>
      <translation>边输入边查找；↓/↑ 选择，回车选定（Ctrl+F 回到这里）</translation>
    </message>
    <message>
      <source>New resident (F3)</source>
      <translation>新建居民（F3）</translation>
    </message>
    <message>
      <source>Not found? Register the resident with what you typed (F3 or Ctrl+N)</source>
      <translation>找不到？用已输入的内容登记新居民（F3 或 Ctrl+N）</translation>
    </message>
    <message>
      <source>{shown} of {n} shown; type more to narrow down</source>
      <translation>共 {n} 条，显示 {shown} 条；继续输入可缩小范围</translation>
    </message>
    <message>
      <source>Type a name, pinyin initials or phone to find the resident</source>
      <translation>输入姓名、拼音首字母或电话查找居民</translation>
    </message>
    <message>
      <source>Not found? Press F3 to register a new resident.</source>
      <translation>找不到？按 F3 登记新居民。</translation>
    </message>
    <message>
      <source>Edit (F4)</source>
      <translation>编辑（F4）</translation>
    </message>
    <message>
      <source>Edit this resident's record (F4)</source>
      <translation>编辑该居民的档案（F4）</translation>
    </message>
    <message>
      <source>F3: register a new resident</source>
      <translation>F3：登记新居民</translation>
    </message>
    <message>
      <source>Pick the resident from the list (Enter), or press F3 to register them.</source>
      <translation>请从列表中选定居民（回车），或按 F3 登记新居民。</translation>
    </message>
    <message>
      <source>{n} years</source>
      <translation>{n} 岁</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>住址</translation>
    </message>
    <message>
      <source>Key groups</source>
      <translation>重点人群</translation>
    </message>
    <message>
      <source>Slip {number}</source>
      <translation>回执 {number}</translation>
    </message>
    <message>
      <source>Printing the slip</source>
      <translation>正在生成回执</translation>
    </message>
  </context>
  <context>
    <name>reports</name>
    <message>
      <source>vs last month</source>
      <translation>环比</translation>
    </message>
    <message>
      <source>vs a year ago</source>
      <translation>同比</translation>
    </message>
    <message>
      <source>Click (or Enter) to open the matching list</source>
      <translation>单击（或按 Enter）打开对应的清单</translation>
    </message>
    <message>
      <source>{n} more not shown</source>
      <translation>另有 {n} 项未显示</translation>
    </message>
    <message>
      <source>Share: {share}</source>
      <translation>占比：{share}</translation>
    </message>
    <message>
      <source>No department reached {n} requests this month.</source>
      <translation>本月没有承办单位达到 {n} 件，暂不排名。</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>数据看板</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>正在统计…</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Read the figures again (F5)</source>
      <translation>重新统计（F5）</translation>
    </message>
    <message>
      <source>Nothing was recorded this month yet.</source>
      <translation>本月尚无任何记录。</translation>
    </message>
    <message>
      <source>Best (红榜)</source>
      <translation>红榜</translation>
    </message>
    <message>
      <source>Worst (黑榜)</source>
      <translation>黑榜</translation>
    </message>
    <message>
      <source>To improve (整改)</source>
      <translation>需整改</translation>
    </message>
    <message>
      <source>Department ranking</source>
      <translation>承办单位考评排名</translation>
    </message>
    <message>
      <source>{period} so far ({cutoff}), against last month and the same month last year</source>
      <translation>{period}至今（{cutoff}），与上月、去年同月比较</translation>
    </message>
    <message>
      <source>Resolved at each level</source>
      <translation>分级办结</translation>
    </message>
    <message>
      <source>Last 12 months: registered and resolved</source>
      <translation>近12个月受理与办结</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>名次</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>承办单位</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>超期</translation>
    </message>
    <message>
      <source>Overdue now</source>
      <translation>当前超期</translation>
    </message>
    <message>
      <source>By channel</source>
      <translation>按渠道</translation>
    </message>
    <message>
      <source>By category</source>
      <translation>按分类</translation>
    </message>
    <message>
      <source>By department</source>
      <translation>按承办单位</translation>
    </message>
    <message>
      <source>Double-click or Enter: the department's requests</source>
      <translation>双击或按 Enter：查看该单位的诉求</translation>
    </message>
    <message>
      <source>Requests by channel</source>
      <translation>受理量（按渠道）</translation>
    </message>
    <message>
      <source>Requests by category</source>
      <translation>受理量（按分类）</translation>
    </message>
    <message>
      <source>Requests by lead department</source>
      <translation>受理量（按承办单位）</translation>
    </message>
    <message>
      <source>Reply rate</source>
      <translation>回复率</translation>
    </message>
    <message>
      <source>Short of</source>
      <translation>未达标项</translation>
    </message>
    <message>
      <source>{n} departments with at least {minimum} requests are ranked; double-click a row for its requests.</source>
      <translation>受理不少于 {minimum} 件的 {n} 个单位参与排名；双击一行查看其诉求。</translation>
    </message>
    <message>
      <source>past a deadline now</source>
      <translation>已超过办理时限</translation>
    </message>
    <message>
      <source>Save the report</source>
      <translation>保存报表</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <source>Save the PDF to a file (Ctrl+S)</source>
      <translation>把 PDF 保存为文件（Ctrl+S）</translation>
    </message>
    <message>
      <source>Saved to {path}</source>
      <translation>已保存到 {path}</translation>
    </message>
    <message>
      <source>Compared with the archived report</source>
      <translation>与存档比较</translation>
    </message>
    <message>
      <source>{period}: {n} figures differ from the archived report (as of {cutoff}, made {made} by {name}).</source>
      <translation>{period}：有 {n} 项指标与存档报表不同（存档数据截至 {cutoff}，{name} 于 {made} 生成）。</translation>
    </message>
    <message>
      <source>{period}: every figure is as in the archived report (as of {cutoff}).</source>
      <translation>{period}：各项指标与存档报表一致（存档数据截至 {cutoff}）。</translation>
    </message>
    <message>
      <source>Reprinting gives the archived document; “Archive anew” keeps a new one.</source>
      <translation>重印得到的是存档的原报表；“重新存档”会另存一份新的。</translation>
    </message>
    <message>
      <source>The PDF could not be saved: {why}</source>
      <translation>PDF 未能保存：{why}</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Archived</source>
      <translation>存档值</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>现值</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变化</translation>
    </message>
    <message>
      <source>as of {moment}</source>
      <translation>截至 {moment}</translation>
    </message>
    <message>
      <source>no change</source>
      <translation>持平</translation>
    </message>
    <message>
      <source>{arrow} {n} pts</source>
      <translation>{arrow} {n} 个百分点</translation>
    </message>
    <message>
      <source>Report texts</source>
      <translation>报告文字</translation>
    </message>
    <message>
      <source>Save texts</source>
      <translation>保存文字</translation>
    </message>
    <message>
      <source>Keep the texts of this period (Ctrl+S)</source>
      <translation>保存本期的报告文字（Ctrl+S）</translation>
    </message>
    <message>
      <source>Printed as “{heading}”</source>
      <translation>打印为“{heading}”</translation>
    </message>
    <message>
      <source>Only the director writes the texts.</source>
      <translation>报告文字由主任填写。</translation>
    </message>
    <message>
      <source>Not saved yet</source>
      <translation>尚未保存</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>已保存</translation>
    </message>
    <message>
      <source>Report {period}</source>
      <translation>{period}统计报表</translation>
    </message>
    <message>
      <source>Monthly report</source>
      <translation>月度报表</translation>
    </message>
    <message>
      <source>&amp;Report:</source>
      <translation>报表(&amp;R)：</translation>
    </message>
    <message>
      <source>&amp;Period:</source>
      <translation>报告期(&amp;P)：</translation>
    </message>
    <message>
      <source>&amp;Generate report</source>
      <translation>生成报表(&amp;G)</translation>
    </message>
    <message>
      <source>Make the PDF and open its preview (Alt+G)</source>
      <translation>生成 PDF 并打开预览（Alt+G）</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Make the report and print it (Ctrl+P)</source>
      <translation>生成报表并打印（Ctrl+P）</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>The same figures as a workbook (Ctrl+E)</source>
      <translation>把同样的数据导出为 Excel 工作簿（Ctrl+E）</translation>
    </message>
    <message>
      <source>Compare with archive</source>
      <translation>与存档比较</translation>
    </message>
    <message>
      <source>The figures that changed since the report was archived</source>
      <translation>列出存档以来发生变化的指标</translation>
    </message>
    <message>
      <source>Archive anew…</source>
      <translation>重新存档…</translation>
    </message>
    <message>
      <source>Make the report again with today's figures and archive it</source>
      <translation>按当前数据重新生成报表并存档</translation>
    </message>
    <message>
      <source>{period}: nothing was recorded — no request, no love-bank activity, no service order.</source>
      <translation>{period}无数据：没有诉求、爱心银行和服务订单记录。</translation>
    </message>
    <message>
      <source>Archived: figures as of {cutoff}, made {made} by {name}; “Generate report” reprints it unchanged.</source>
      <translation>已存档：数据截至 {cutoff}，{name} 于 {made} 生成；“生成报表”将原样重印。</translation>
    </message>
    <message>
      <source>Exported to {path}</source>
      <translation>已导出到 {path}</translation>
    </message>
    <message>
      <source>Monthly</source>
      <translation>月报</translation>
    </message>
    <message>
      <source>Quarterly</source>
      <translation>季报</translation>
    </message>
    <message>
      <source>Yearly</source>
      <translation>年报</translation>
    </message>
    <message>
      <source>{period} (so far)</source>
      <translation>{period}（至今）</translation>
    </message>
    <message>
      <source>{period} is not over: the report shows the figures so far and is not archived.</source>
      <translation>{period}尚未结束：报表为截至目前的数据，不存档。</translation>
    </message>
    <message>
      <source>Generating the report…</source>
      <translation>正在生成报表…</translation>
    </message>
    <message>
      <source>Archive anew</source>
      <translation>重新存档</translation>
    </message>
    <message>
      <source>Archive a new report of {period} with the figures as of now? The report archived on {made} stays in the archive.</source>
      <translation>按当前数据重新生成{period}的报表并存档吗？{made} 存档的报表仍会保留。</translation>
    </message>
    <message>
      <source>Exporting to Excel…</source>
      <translation>正在导出 Excel…</translation>
    </message>
    <message>
      <source>Comparing with the archive…</source>
      <translation>正在与存档比较…</translation>
    </message>
    <message>
      <source>Not archived yet: “Generate report” archives this report with the figures as of now.</source>
      <translation>尚未存档：“生成报表”将按当前数据生成并存档。</translation>
    </message>
    <message>
      <source>Not archived.</source>
      <translation>未存档。</translation>
    </message>
    <message>
      <source>Rates change by percentage points, other figures by percent; — where there is nothing to compare.</source>
      <translation>比率类指标的环比、同比为百分点之差，其余指标为增减百分比；“—”表示无法比较。</translation>
    </message>
    <message>
      <source>This period</source>
      <translation>本期</translation>
    </message>
    <message>
      <source>Previous period</source>
      <translation>上期</translation>
    </message>
    <message>
      <source>Month on month</source>
      <translation>环比</translation>
    </message>
    <message>
      <source>Same period last year</source>
      <translation>去年同期</translation>
    </message>
    <message>
      <source>Year on year</source>
      <translation>同比</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Headline figures</source>
      <translation>主要指标</translation>
    </message>
    <message>
      <source>Requests by channel and category</source>
      <translation>受理渠道与分类</translation>
    </message>
    <message>
      <source>Hotspots</source>
      <translation>热点诉求</translation>
    </message>
    <message>
      <source>Channels and categories</source>
      <translation>渠道与分类</translation>
    </message>
    <message>
      <source>30135 deadlines</source>
      <translation>“30135”时限执行</translation>
    </message>
    <message>
      <source>On-time rate = met on time / due in the period (met, or fallen due and still open).</source>
      <translation>按时率 = 按时完成数 / 本期应完成数（已完成的，及已到期仍未完成的）。</translation>
    </message>
    <message>
      <source>Follow-up calls</source>
      <translation>回访满意度</translation>
    </message>
    <message>
      <source>Rates</source>
      <translation>各项比率</translation>
    </message>
    <message>
      <source>Deadlines and satisfaction</source>
      <translation>时限与满意度</translation>
    </message>
    <message>
      <source>Resolved at 镇街道 level or below: {share}</source>
      <translation>镇街道及以下办结占比：{share}</translation>
    </message>
    <message>
      <source>Ranked: departments with at least {n} requests. Green: 红榜; red: 黑榜.</source>
      <translation>受理不少于 {n} 件的单位参与排名。绿色为红榜，红色为黑榜。</translation>
    </message>
    <message>
      <source>Named for improvement (整改)</source>
      <translation>需整改单位</translation>
    </message>
    <message>
      <source>Levels and ranking</source>
      <translation>分级与排名</translation>
    </message>
    <message>
      <source>{n} overdue requests at the cut-off; the {shown} longest overdue are listed.</source>
      <translation>截止时共 {n} 件超期诉求，列出超期最久的 {shown} 件。</translation>
    </message>
    <message>
      <source>{n} overdue requests at the cut-off.</source>
      <translation>截止时共 {n} 件超期诉求。</translation>
    </message>
    <message>
      <source>Overdue requests</source>
      <translation>超期诉求</translation>
    </message>
    <message>
      <source>Overdue list</source>
      <translation>超期清单</translation>
    </message>
    <message>
      <source>Last 12 months</source>
      <translation>近12个月</translation>
    </message>
    <message>
      <source>Trend</source>
      <translation>月度趋势</translation>
    </message>
    <message>
      <source>Top volunteers</source>
      <translation>服务时长前列的志愿者</translation>
    </message>
    <message>
      <source>New star levels</source>
      <translation>新晋星级志愿者</translation>
    </message>
    <message>
      <source>Stock movements of the love supermarket</source>
      <translation>爱心超市进出明细</translation>
    </message>
    <message>
      <source>Low stock</source>
      <translation>库存不足</translation>
    </message>
    <message>
      <source>Love bank</source>
      <translation>爱心银行</translation>
    </message>
    <message>
      <source>Orders placed, by stage now</source>
      <translation>居民点单（按当前环节）</translation>
    </message>
    <message>
      <source>Funds of the year</source>
      <translation>本年度资金</translation>
    </message>
    <message>
      <source>Providers</source>
      <translation>服务组织</translation>
    </message>
    <message>
      <source>Service orders</source>
      <translation>服务订单</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>分类</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>No request was registered in the period.</source>
      <translation>本期没有登记诉求。</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>诉求</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>占比</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>时限</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>应办</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按时</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>超时完成</translation>
    </message>
    <message>
      <source>Still open</source>
      <translation>逾期未办</translation>
    </message>
    <message>
      <source>On-time rate</source>
      <translation>按时率</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>回访结果</translation>
    </message>
    <message>
      <source>Calls</source>
      <translation>次数</translation>
    </message>
    <message>
      <source>基本满意 counts as satisfied.</source>
      <translation>基本满意计入满意。</translation>
    </message>
    <message>
      <source>基本满意 does not count as satisfied.</source>
      <translation>基本满意不计入满意。</translation>
    </message>
    <message>
      <source>Rate</source>
      <translation>比率</translation>
    </message>
    <message>
      <source>Counts</source>
      <translation>计算</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>层级</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>派单</translation>
    </message>
    <message>
      <source>No department had requests in the period.</source>
      <translation>本期没有承办单位承办诉求。</translation>
    </message>
    <message>
      <source>No department is below a threshold.</source>
      <translation>没有单位低于考核标准。</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>登记时间</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>主办单位</translation>
    </message>
    <message>
      <source>Due at</source>
      <translation>应完成时间</translation>
    </message>
    <message>
      <source>Overdue (working hours)</source>
      <translation>超时（工作小时）</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>No request is overdue.</source>
      <translation>没有超期诉求。</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Volunteer</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>队伍</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>时长（小时）</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>积分</translation>
    </message>
    <message>
      <source>No service was recorded in the period.</source>
      <translation>本期没有服务记录。</translation>
    </message>
    <message>
      <source>Stars before</source>
      <translation>原星级</translation>
    </message>
    <message>
      <source>Stars now</source>
      <translation>现星级</translation>
    </message>
    <message>
      <source>Hours in all</source>
      <translation>累计时长（小时）</translation>
    </message>
    <message>
      <source>Nobody reached a new star level.</source>
      <translation>本期没有志愿者晋升星级。</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Opening</source>
      <translation>期初</translation>
    </message>
    <message>
      <source>In</source>
      <translation>入库</translation>
    </message>
    <message>
      <source>Redeemed</source>
      <translation>兑换</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>退回</translation>
    </message>
    <message>
      <source>Taken out</source>
      <translation>出库</translation>
    </message>
    <message>
      <source>Closing</source>
      <translation>期末</translation>
    </message>
    <message>
      <source>No stock and no movement.</source>
      <translation>没有库存，也没有进出。</translation>
    </message>
    <message>
      <source>In stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>No item is running low.</source>
      <translation>没有库存不足的物品。</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>环节</translation>
    </message>
    <message>
      <source>Orders</source>
      <translation>订单数</translation>
    </message>
    <message>
      <source>No order was placed in the period.</source>
      <translation>本期没有居民点单。</translation>
    </message>
    <message>
      <source>Fund</source>
      <translation>资金</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Total (yuan)</source>
      <translation>总额（元）</translation>
    </message>
    <message>
      <source>Committed</source>
      <translation>已安排</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>已支付</translation>
    </message>
    <message>
      <source>Remaining</source>
      <translation>可用余额</translation>
    </message>
    <message>
      <source>No fund for this year.</source>
      <translation>本年度没有资金。</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>服务组织</translation>
    </message>
    <message>
      <source>Finished</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Paid (yuan)</source>
      <translation>支付（元）</translation>
    </message>
    <message>
      <source>No provider worked in the period.</source>
      <translation>本期没有服务组织提供服务。</translation>
    </message>
    <message>
      <source>Overdue at the cut-off</source>
      <translation>截止时超期诉求</translation>
    </message>
    <message>
      <source>Mean handling time</source>
      <translation>平均办理时长</translation>
    </message>
    <message>
      <source>working hours</source>
      <translation>工作小时</translation>
    </message>
    <message>
      <source>Median handling time</source>
      <translation>办理时长中位数</translation>
    </message>
    <message>
      <source>By grid</source>
      <translation>按网格</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>By handling level</source>
      <translation>按办理层级</translation>
    </message>
    <message>
      <source>By lead department</source>
      <translation>按主办单位</translation>
    </message>
    <message>
      <source>Handled directly and passed on</source>
      <translation>直办与转办</translation>
    </message>
    <message>
      <source>Deducted (yuan)</source>
      <translation>核减（元）</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>支付笔数</translation>
    </message>
    <message>
      <source>Nothing was paid in the period.</source>
      <translation>本期没有支付。</translation>
    </message>
    <message>
      <source>Paid by fund</source>
      <translation>按资金支付</translation>
    </message>
    <message>
      <source>Paid to providers</source>
      <translation>向服务组织支付</translation>
    </message>
  </context>
  <context>
    <name>requests</name>
    <message>
      <source>The 30135 clocks start when the request is assigned.</source>
      <translation>30135 时限从派单时开始计算。</translation>
    </message>
    <message>
      <source>Record that the lead department has accepted the request (the 30-minute clock).</source>
      <translation>记录主办单位已受理该诉求（30 分钟受理时限）。</translation>
    </message>
    <message>
      <source>Return the request because it was routed to the wrong department. It then waits to be assigned again.</source>
      <translation>诉求派错单位时退回。退回后等待重新派单。</translation>
    </message>
    <message>
      <source>Write the answer given to the resident; a template can be inserted and edited.</source>
      <translation>填写给居民的答复；可以插入模板后再修改。</translation>
    </message>
    <message>
      <source>Record that the request is resolved. A follow-up call is then due.</source>
      <translation>记录该诉求已办结，之后需电话回访。</translation>
    </message>
    <message>
      <source>Call {who} and ask whether the request was handled well.</source>
      <translation>请致电 {who}，询问对诉求办理是否满意。</translation>
    </message>
    <message>
      <source>Record a reminder (催办) to the lead department. The status does not change.</source>
      <translation>记录对主办单位的催办。诉求状态不变。</translation>
    </message>
    <message>
      <source>Record supervision (督办) by the director. The status does not change.</source>
      <translation>记录主任的督办。诉求状态不变。</translation>
    </message>
    <message>
      <source>Merge this request, a duplicate, into the request you name. Both keep their history; this one is closed as merged and its events show in the other's timeline.</source>
      <translation>将这条重复诉求合并到指定的诉求。两条诉求都保留各自的记录；本诉求以“已合并”结束，其处理记录会显示在另一条诉求的办理过程中。</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Choose the lead department…</source>
      <translation>选择主办单位…</translation>
    </message>
    <message>
      <source>Space ticks or unticks the department</source>
      <translation>按空格勾选或取消勾选单位</translation>
    </message>
    <message>
      <source>Optional</source>
      <translation>选填</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>主办单位</translation>
    </message>
    <message>
      <source>Assisting departments</source>
      <translation>协办单位</translation>
    </message>
    <message>
      <source>Choose a template…</source>
      <translation>选择模板…</translation>
    </message>
    <message>
      <source>&amp;Insert</source>
      <translation>插入(&amp;I)</translation>
    </message>
    <message>
      <source>Insert the chosen template at the cursor (Alt+I)</source>
      <translation>在光标处插入所选模板（Alt+I）</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>必填</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>答复模板</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>答复内容</translation>
    </message>
    <message>
      <source>Show phone</source>
      <translation>显示电话</translation>
    </message>
    <message>
      <source>Show the whole number to call; the look-up is recorded in the audit log</source>
      <translation>显示完整电话号码以便致电；本次查看会记入操作日志</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>&amp;Satisfied</source>
      <translation>满意(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Basically satisfied</source>
      <translation>基本满意(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Unsatisfied</source>
      <translation>不满意(&amp;U)</translation>
    </message>
    <message>
      <source>What the resident said</source>
      <translation>居民的反馈意见</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>意见</translation>
    </message>
    <message>
      <source>Unsatisfied reopens the request: it goes round again from a new assignment. Write the reason.</source>
      <translation>选择“不满意”将重办该诉求：从重新派单开始再办理一轮。请填写原因。</translation>
    </message>
    <message>
      <source>This look-up is recorded in the audit log.</source>
      <translation>本次查看已记入操作日志。</translation>
    </message>
    <message>
      <source>e.g. {number}</source>
      <translation>例如 {number}</translation>
    </message>
    <message>
      <source>Merge into number</source>
      <translation>合并到编号</translation>
    </message>
    <message>
      <source>Assign request {number}</source>
      <translation>派单：诉求 {number}</translation>
    </message>
    <message>
      <source>Assign</source>
      <translation>派单</translation>
    </message>
    <message>
      <source>Accept request {number}</source>
      <translation>受理诉求 {number}</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Return request {number}</source>
      <translation>退回诉求 {number}</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>退回</translation>
    </message>
    <message>
      <source>Answer request {number}</source>
      <translation>答复诉求 {number}</translation>
    </message>
    <message>
      <source>Record answer</source>
      <translation>记录答复</translation>
    </message>
    <message>
      <source>Resolve request {number}</source>
      <translation>办结诉求 {number}</translation>
    </message>
    <message>
      <source>Resolve</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Follow-up call for request {number}</source>
      <translation>回访诉求 {number}</translation>
    </message>
    <message>
      <source>Record follow-up</source>
      <translation>记录回访</translation>
    </message>
    <message>
      <source>Remind about request {number}</source>
      <translation>催办诉求 {number}</translation>
    </message>
    <message>
      <source>Record reminder</source>
      <translation>记录催办</translation>
    </message>
    <message>
      <source>Supervise request {number}</source>
      <translation>督办诉求 {number}</translation>
    </message>
    <message>
      <source>Record supervision</source>
      <translation>记录督办</translation>
    </message>
    <message>
      <source>Merge request {number}</source>
      <translation>合并诉求 {number}</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>{name} ({level})</source>
      <translation>{name}（{level}）</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>未登记</translation>
    </message>
    <message>
      <source>Reopen request</source>
      <translation>重办诉求</translation>
    </message>
    <message>
      <source>No request has the number “{number}”.</source>
      <translation>没有编号为“{number}”的诉求。</translation>
    </message>
    <message>
      <source>{n} requests start with “{number}”; type the whole number.</source>
      <translation>有 {n} 条诉求的编号以“{number}”开头，请输入完整编号。</translation>
    </message>
    <message>
      <source>Type the number of the request to merge into.</source>
      <translation>请输入要合并到的诉求编号。</translation>
    </message>
    <message>
      <source>This is the request itself; name the other one.</source>
      <translation>这是本诉求自身的编号，请输入另一条诉求的编号。</translation>
    </message>
    <message>
      <source>{n} KB</source>
      <translation>{n} KB</translation>
    </message>
    <message>
      <source>{n} MB</source>
      <translation>{n} MB</translation>
    </message>
    <message>
      <source>Urgency: {urgency}</source>
      <translation>紧急程度：{urgency}</translation>
    </message>
    <message>
      <source>&amp;Assign…</source>
      <translation>派单(&amp;A)…</translation>
    </message>
    <message>
      <source>Route to a lead department and any assisting ones (Alt+A)</source>
      <translation>派给主办单位及协办单位（Alt+A）</translation>
    </message>
    <message>
      <source>A&amp;ccept…</source>
      <translation>受理(&amp;C)…</translation>
    </message>
    <message>
      <source>The department has accepted the request (Alt+C)</source>
      <translation>承办单位已受理该诉求（Alt+C）</translation>
    </message>
    <message>
      <source>&amp;Return…</source>
      <translation>退回(&amp;R)…</translation>
    </message>
    <message>
      <source>Wrongly routed: return it for re-assignment (Alt+R)</source>
      <translation>派错单位：退回重新派单（Alt+R）</translation>
    </message>
    <message>
      <source>A&amp;nswer…</source>
      <translation>答复(&amp;N)…</translation>
    </message>
    <message>
      <source>Record the answer given to the resident (Alt+N)</source>
      <translation>记录给居民的答复（Alt+N）</translation>
    </message>
    <message>
      <source>Re&amp;solve…</source>
      <translation>办结(&amp;S)…</translation>
    </message>
    <message>
      <source>The request is resolved (Alt+S)</source>
      <translation>诉求已办结（Alt+S）</translation>
    </message>
    <message>
      <source>&amp;Follow-up…</source>
      <translation>回访(&amp;F)…</translation>
    </message>
    <message>
      <source>Record the follow-up call (Alt+F)</source>
      <translation>记录电话回访（Alt+F）</translation>
    </message>
    <message>
      <source>Re&amp;mind…</source>
      <translation>催办(&amp;M)…</translation>
    </message>
    <message>
      <source>Record a reminder to the department (Alt+M)</source>
      <translation>记录对承办单位的催办（Alt+M）</translation>
    </message>
    <message>
      <source>Su&amp;pervise…</source>
      <translation>督办(&amp;P)…</translation>
    </message>
    <message>
      <source>Record supervision by the director (Alt+P)</source>
      <translation>记录主任的督办（Alt+P）</translation>
    </message>
    <message>
      <source>Mer&amp;ge…</source>
      <translation>合并(&amp;G)…</translation>
    </message>
    <message>
      <source>Merge this duplicate into another request (Alt+G)</source>
      <translation>将这条重复诉求合并到另一条诉求（Alt+G）</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>诉求内容</translation>
    </message>
    <message>
      <source>Deadlines (30135)</source>
      <translation>办理时限（30135）</translation>
    </message>
    <message>
      <source>A&amp;dd file…</source>
      <translation>添加附件(&amp;D)…</translation>
    </message>
    <message>
      <source>Attach a photo or scan (Alt+D)</source>
      <translation>添加照片或扫描件（Alt+D）</translation>
    </message>
    <message>
      <source>Sa&amp;ve a copy…</source>
      <translation>另存副本(&amp;V)…</translation>
    </message>
    <message>
      <source>Save a copy of the selected file (Alt+V)</source>
      <translation>将所选附件另存一份（Alt+V）</translation>
    </message>
    <message>
      <source>No files attached.</source>
      <translation>没有附件。</translation>
    </message>
    <message>
      <source>Print slip (Ctrl+P)</source>
      <translation>打印回执（Ctrl+P）</translation>
    </message>
    <message>
      <source>Print the receipt slip (回执) of this request again</source>
      <translation>重新打印本诉求的回执</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Close (Esc)</source>
      <translation>关闭（Esc）</translation>
    </message>
    <message>
      <source>Request {number}</source>
      <translation>诉求 {number}</translation>
    </message>
    <message>
      <source>Registered {time}</source>
      <translation>登记于 {time}</translation>
    </message>
    <message>
      <source>&amp;Timeline ({n})</source>
      <translation>办理过程（{n}）(&amp;T)</translation>
    </message>
    <message>
      <source>Attac&amp;hments ({n})</source>
      <translation>附件（{n}）(&amp;H)</translation>
    </message>
    <message>
      <source>Attach a file</source>
      <translation>添加附件</translation>
    </message>
    <message>
      <source>Photos and scans (*.jpg *.jpeg *.png *.bmp *.pdf *.tif *.tiff);;All files (*)</source>
      <translation>照片和扫描件 (*.jpg *.jpeg *.png *.bmp *.pdf *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Attached {name}.</source>
      <translation>已添加附件 {name}。</translation>
    </message>
    <message>
      <source>Save a copy</source>
      <translation>另存副本</translation>
    </message>
    <message>
      <source>Saved a copy to {path}.</source>
      <translation>副本已保存到 {path}。</translation>
    </message>
    <message>
      <source>Resident</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>来访人数</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>诉求分类</translation>
    </message>
    <message>
      <source>Handling level</source>
      <translation>办理层级</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>住址</translation>
    </message>
    <message>
      <source>Assisting</source>
      <translation>协办单位</translation>
    </message>
    <message>
      <source>{name}:</source>
      <translation>{name}：</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>Round {n}</source>
      <translation>第 {n} 轮</translation>
    </message>
    <message>
      <source>Merged into {number}</source>
      <translation>已合并到 {number}</translation>
    </message>
    <message>
      <source>{n} people (group visit)</source>
      <translation>{n} 人（集体访）</translation>
    </message>
    <message>
      <source>call by {time}</source>
      <translation>{time} 前回访</translation>
    </message>
    <message>
      <source>Not assigned yet</source>
      <translation>尚未派单</translation>
    </message>
    <message>
      <source>The clocks start when the request is assigned.</source>
      <translation>派单后开始计时。</translation>
    </message>
    <message>
      <source>due {time}</source>
      <translation>截止 {time}</translation>
    </message>
    <message>
      <source>No action is open to you on this request.</source>
      <translation>您目前不能对该诉求进行任何操作。</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>诉求</translation>
    </message>
    <message>
      <source>Stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <source>Done {time}</source>
      <translation>完成于 {time}</translation>
    </message>
    <message>
      <source>{clock} by {time}</source>
      <translation>{clock}：{time} 前</translation>
    </message>
    <message>
      <source>{name} ({n} people)</source>
      <translation>{name}（{n} 人）</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>诉求</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Deadline colour</source>
      <translation>时限状态</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Open (clock running)</source>
      <translation>在办（计时中）</translation>
    </message>
    <message>
      <source>To assign</source>
      <translation>待派单</translation>
    </message>
    <message>
      <source>Any deadline</source>
      <translation>不限时限状态</translation>
    </message>
    <message>
      <source>Overdue (red)</source>
      <translation>已超时（红）</translation>
    </message>
    <message>
      <source>Due soon (yellow)</source>
      <translation>即将到期（黄）</translation>
    </message>
    <message>
      <source>On time (green)</source>
      <translation>正常（绿）</translation>
    </message>
    <message>
      <source>All channels</source>
      <translation>全部渠道</translation>
    </message>
    <message>
      <source>Date registered</source>
      <translation>登记日期</translation>
    </message>
    <message>
      <source>Registered:</source>
      <translation>登记日期：</translation>
    </message>
    <message>
      <source>Show the requests of every resident again</source>
      <translation>重新显示所有居民的诉求</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <source>Show every request again</source>
      <translation>重新显示全部诉求</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部分类</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>全部单位</translation>
    </message>
    <message>
      <source>All grids</source>
      <translation>全部网格</translation>
    </message>
    <message>
      <source>Resident: {name}  ×</source>
      <translation>居民：{name}  ×</translation>
    </message>
    <message>
      <source>1 request</source>
      <translation>共 1 条</translation>
    </message>
    <message>
      <source>{n} requests</source>
      <translation>共 {n} 条</translation>
    </message>
    <message>
      <source>No request number, resident or description matches “{text}”.</source>
      <translation>没有编号、居民或诉求内容与“{text}”相符的诉求。</translation>
    </message>
    <message>
      <source>{name} has no requests.</source>
      <translation>{name} 没有诉求记录。</translation>
    </message>
    <message>
      <source>Requests registered at reception appear here.</source>
      <translation>在接待登记页登记的诉求会显示在这里。</translation>
    </message>
    <message>
      <source>Number, resident, phone or words</source>
      <translation>编号、居民、电话或内容</translation>
    </message>
    <message>
      <source>Find by request number (2026-11-000123), the resident's name or pinyin initials, phone, or words of the description (Ctrl+F); Esc clears</source>
      <translation>按诉求编号（2026-11-000123）、居民姓名或拼音首字母、电话或诉求内容中的词查找（Ctrl+F）；Esc 清空</translation>
    </message>
    <message>
      <source>Any date</source>
      <translation>不限日期</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Last 7 days</source>
      <translation>近 7 天</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <source>From … to …</source>
      <translation>从 … 到 …</translation>
    </message>
    <message>
      <source>Registered on or after</source>
      <translation>登记日期不早于</translation>
    </message>
    <message>
      <source>Registered on or before</source>
      <translation>登记日期不晚于</translation>
    </message>
    <message>
      <source>Enter: open   Ctrl+F: search   F5: refresh</source>
      <translation>回车：打开   Ctrl+F：查找   F5：刷新</translation>
    </message>
    <message>
      <source>Choose “Clear filters” to see all.</source>
      <translation>点击“清除筛选”可查看全部。</translation>
    </message>
    <message>
      <source>No requests yet.</source>
      <translation>还没有诉求。</translation>
    </message>
    <message>
      <source>No request matches these filters.</source>
      <translation>没有符合筛选条件的诉求。</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>登记时间</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Current deadline</source>
      <translation>当前时限</translation>
    </message>
    <message>
      <source>{action} (round {n})</source>
      <translation>{action}（第 {n} 轮）</translation>
    </message>
    <message>
      <source>{clock}: on time</source>
      <translation>{clock}：按时</translation>
    </message>
    <message>
      <source>{clock}: late</source>
      <translation>{clock}：超时</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>User</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>承办单位</translation>
    </message>
    <message>
      <source>Deadline met</source>
      <translation>是否按时</translation>
    </message>
  </context>
  <context>
    <name>residents</name>
    <message>
      <source>{name} (archived)</source>
      <translation>{name}（已归档）</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>未登记</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Key groups</source>
      <translation>重点人群</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>住址</translation>
    </message>
    <message>
      <source>Click to sort by this column</source>
      <translation>点击按此列排序</translation>
    </message>
    <message>
      <source>Show archived</source>
      <translation>显示已归档</translation>
    </message>
    <message>
      <source>New resident</source>
      <translation>新建居民</translation>
    </message>
    <message>
      <source>Register a new resident (Ctrl+N)</source>
      <translation>登记新居民（Ctrl+N）</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Edit the selected resident (Enter)</source>
      <translation>编辑选中的居民（回车）</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>归档</translation>
    </message>
    <message>
      <source>Archive or restore the selected resident</source>
      <translation>归档或恢复选中的居民</translation>
    </message>
    <message>
      <source>Show ID/phone</source>
      <translation>显示证件/电话</translation>
    </message>
    <message>
      <source>Show the full ID number and phone (recorded in the audit log)</source>
      <translation>显示完整身份证号和电话（将记入操作日志）</translation>
    </message>
    <message>
      <source>View requests</source>
      <translation>查看诉求</translation>
    </message>
    <message>
      <source>Show this resident's requests in All requests</source>
      <translation>在全部诉求中查看此居民的诉求</translation>
    </message>
    <message>
      <source>All grids</source>
      <translation>全部网格</translation>
    </message>
    <message>
      <source>All key groups</source>
      <translation>全部重点人群</translation>
    </message>
    <message>
      <source>1 resident</source>
      <translation>共 1 人</translation>
    </message>
    <message>
      <source>{n} residents</source>
      <translation>共 {n} 人</translation>
    </message>
    <message>
      <source>No resident matches “{text}”.</source>
      <translation>没有找到与“{text}”相符的居民。</translation>
    </message>
    <message>
      <source>ID number and phone</source>
      <translation>身份证号和电话</translation>
    </message>
    <message>
      <source>Name, pinyin initials (zs), phone, ID number or address</source>
      <translation>姓名、拼音首字母（如 zs）、电话、身份证号或住址</translation>
    </message>
    <message>
      <source>Search as you type (Ctrl+F); Esc clears</source>
      <translation>边输入边查找（Ctrl+F）；Esc 清空</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>居民档案</translation>
    </message>
    <message>
      <source>No resident in this grid or key group.</source>
      <translation>该网格或重点人群中没有居民。</translation>
    </message>
    <message>
      <source>No residents yet.</source>
      <translation>还没有居民档案。</translation>
    </message>
    <message>
      <source>Press Ctrl+N to register one.</source>
      <translation>按 Ctrl+N 登记新居民。</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Enter: edit   Ctrl+N: new   Ctrl+F: search   Esc: clear search</source>
      <translation>回车：编辑   Ctrl+N：新建   Ctrl+F：查找   Esc：清空查找</translation>
    </message>
    <message>
      <source>Archive resident</source>
      <translation>归档居民</translation>
    </message>
    <message>
      <source>Archive {name}? The record is kept and can be restored later.</source>
      <translation>确定归档 {name} 吗？档案会保留，以后可以恢复。</translation>
    </message>
    <message>
      <source>ID number: {value}</source>
      <translation>身份证号：{value}</translation>
    </message>
    <message>
      <source>Phone: {value}</source>
      <translation>电话：{value}</translation>
    </message>
    <message>
      <source>This look-up is recorded in the audit log.</source>
      <translation>本次查看已记入操作日志。</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>必填</translation>
    </message>
    <message>
      <source>Name *</source>
      <translation>姓名 *</translation>
    </message>
    <message>
      <source>Not given</source>
      <translation>未填</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <source>Filled from the ID number</source>
      <translation>根据身份证号自动填写</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>No grid</source>
      <translation>未分网格</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Save (Ctrl+S or Enter)</source>
      <translation>保存（Ctrl+S 或回车）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Close without saving (Esc)</source>
      <translation>不保存并关闭（Esc）</translation>
    </message>
    <message>
      <source>Edit resident: {name}</source>
      <translation>编辑居民：{name}</translation>
    </message>
    <message>
      <source>18 characters; fills in birth date and gender</source>
      <translation>18 位，自动填写出生日期和性别</translation>
    </message>
    <message>
      <source>Mobile, or landline with area code</source>
      <translation>手机号，或带区号的座机</translation>
    </message>
    <message>
      <source>Leave empty to keep {value}</source>
      <translation>留空则保持 {value} 不变</translation>
    </message>
  </context>
  <context>
    <name>screenshots</name>
    <message>
      <source>Slip {number}</source>
      <translation>回执 {number}</translation>
    </message>
    <message>
      <source>Receipt {number}</source>
      <translation>兑换小票 {number}</translation>
    </message>
    <message>
      <source>Points statement of {name}</source>
      <translation>{name} 的积分明细</translation>
    </message>
  </context>
  <context>
    <name>settings</name>
    <message>
      <source>Replace lost audit key</source>
      <translation>更换审计密钥</translation>
    </message>
    <message>
      <source>Do this only if this database's audit key is lost: no PC and no password-protected backup has it any more.

A new key is made. The audit records written so far can then only be checked for their order and completeness, no longer for their signature; the check says so every time. The replacement itself is recorded in the audit log and cannot be undone. Every other PC must then import the new key.

Replace the audit key now?</source>
      <translation>只有在审计密钥确实丢失时才这样做：所有电脑和带密码的备份中都已没有该密钥。

系统会生成新密钥。此前的审计记录今后只能核对顺序和完整性，无法再核对签名，每次数据检查都会注明这一点。更换本身会记入审计日志，无法撤销。其他电脑随后都需要导入新密钥。

现在更换审计密钥吗？</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>系统设置</translation>
    </message>
    <message>
      <source>Centre (shared by every PC using this database)</source>
      <translation>中心信息（使用此数据库的所有电脑共用）</translation>
    </message>
    <message>
      <source>Save name</source>
      <translation>保存名称</translation>
    </message>
    <message>
      <source>Centre name</source>
      <translation>中心名称</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>This PC (takes effect after restarting the program)</source>
      <translation>本机设置（重启程序后生效）</translation>
    </message>
    <message>
      <source>Save language</source>
      <translation>保存语言</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>Saved. Restart the program to use the new settings.</source>
      <translation>已保存。重启程序后使用新设置。</translation>
    </message>
    <message>
      <source>Export audit key…</source>
      <translation>导出审计密钥…</translation>
    </message>
    <message>
      <source>Import audit key…</source>
      <translation>导入审计密钥…</translation>
    </message>
    <message>
      <source>Replace lost audit key…</source>
      <translation>更换审计密钥…</translation>
    </message>
    <message>
      <source>The audit key was replaced; the new key is in {path}. Export it now (Export audit key…) and keep it with the backups.</source>
      <translation>审计密钥已更换，新密钥保存在 {path}。请立即导出（导出审计密钥…）并与备份一起妥善保管。</translation>
    </message>
    <message>
      <source>Audit key written to {path}. Keep it safe and import it only on this centre's PCs.</source>
      <translation>审计密钥已导出到 {path}。请妥善保管，只导入本中心的电脑。</translation>
    </message>
    <message>
      <source>Audit key imported: this PC can now write to this database's audit log.</source>
      <translation>审计密钥已导入：本机现在可以写入该数据库的操作日志。</translation>
    </message>
    <message>
      <source>Only an administrator can change the centre's name.</source>
      <translation>只有系统管理员可以修改中心名称。</translation>
    </message>
    <message>
      <source>Database in use: {name}</source>
      <translation>正在使用的数据库：{name}</translation>
    </message>
    <message>
      <source>Only when no PC and no password-protected backup has this database's audit key any more.</source>
      <translation>仅在所有电脑和带密码的备份中都已找不到该数据库的审计密钥时使用。</translation>
    </message>
    <message>
      <source>This PC has this database's audit key; there is nothing to replace.</source>
      <translation>本机有该数据库的审计密钥，无需更换。</translation>
    </message>
    <message>
      <source>Export audit key</source>
      <translation>导出审计密钥</translation>
    </message>
    <message>
      <source>Audit key (*.key)</source>
      <translation>审计密钥 (*.key)</translation>
    </message>
    <message>
      <source>Import audit key</source>
      <translation>导入审计密钥</translation>
    </message>
    <message>
      <source>Move this centre to the server</source>
      <translation>迁移到服务器</translation>
    </message>
    <message>
      <source>This PC already uses a database server; only a database file can be moved to one.</source>
      <translation>本机已在使用数据库服务器；只有数据库文件才能迁移到服务器。</translation>
    </message>
  </context>
  <context>
    <name>today</name>
    <message>
      <source>Today</source>
      <translation>今日待办</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Read the lists again (F5)</source>
      <translation>重新读取列表（F5）</translation>
    </message>
    <message>
      <source>Enter: open   Tab: next list   F5: refresh</source>
      <translation>回车：打开   Tab：下一个列表   F5：刷新</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>已超时</translation>
    </message>
    <message>
      <source>due soon</source>
      <translation>即将到期</translation>
    </message>
    <message>
      <source>to assign</source>
      <translation>待派单</translation>
    </message>
    <message>
      <source>follow-up calls today</source>
      <translation>今日待回访</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已超时</translation>
    </message>
    <message>
      <source>Nothing is overdue.</source>
      <translation>没有已超时的诉求。</translation>
    </message>
    <message>
      <source>Due soon</source>
      <translation>即将到期</translation>
    </message>
    <message>
      <source>Nothing falls due soon.</source>
      <translation>没有即将到期的诉求。</translation>
    </message>
    <message>
      <source>To assign: new, returned, reopened</source>
      <translation>待派单 / 被退回 / 重办</translation>
    </message>
    <message>
      <source>Every request has a department.</source>
      <translation>所有诉求都已派单。</translation>
    </message>
    <message>
      <source>Follow-up calls due today</source>
      <translation>今日待回访</translation>
    </message>
    <message>
      <source>No follow-up calls today.</source>
      <translation>今天没有需要回访的诉求。</translation>
    </message>
    <message>
      <source>Nothing to do today — well done!</source>
      <translation>今天的事都办完了，辛苦了！</translation>
    </message>
    <message>
      <source>Updated {time}</source>
      <translation>更新于 {time}</translation>
    </message>
    <message>
      <source>{title} ({n}, the first {shown} shown)</source>
      <translation>{title}（{n} 条，显示前 {shown} 条）</translation>
    </message>
    <message>
      <source>{title} ({n})</source>
      <translation>{title}（{n}）</translation>
    </message>
  </context>
  <context>
    <name>users</name>
    <message>
      <source>Active</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Locked until {time}</source>
      <translation>锁定至 {time}</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Reset password of {name}</source>
      <translation>重置 {name} 的密码</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>新密码</translation>
    </message>
    <message>
      <source>Change my password</source>
      <translation>修改我的密码</translation>
    </message>
    <message>
      <source>Current password</source>
      <translation>当前密码</translation>
    </message>
    <message>
      <source>Repeat new password</source>
      <translation>确认新密码</translation>
    </message>
    <message>
      <source>New user</source>
      <translation>新建用户</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Reset password / unlock</source>
      <translation>重置密码/解锁</translation>
    </message>
    <message>
      <source>An account is locked for 15 minutes after 5 wrong passwords; resetting its password unlocks it.</source>
      <translation>连续输错 5 次密码的账号会被锁定 15 分钟；重置密码即可解锁。</translation>
    </message>
    <message>
      <source>Edit user</source>
      <translation>编辑用户</translation>
    </message>
    <message>
      <source>First password</source>
      <translation>初始密码</translation>
    </message>
    <message>
      <source>Account may log in</source>
      <translation>允许登录</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>用户管理</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Password reset</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>The new password is set and the account is unlocked.</source>
      <translation>新密码已设置，账号已解锁。</translation>
    </message>
  </context>
  <context>
    <name>visits</name>
    <message>
      <source>Nothing was saved.</source>
      <translation>未保存任何记录。</translation>
    </message>
    <message>
      <source>Record a round of visits</source>
      <translation>批量录入走访</translation>
    </message>
    <message>
      <source>Companions, e.g. 楼长 王芳</source>
      <translation>同行人员，如：楼长 王芳</translation>
    </message>
    <message>
      <source>Visited by</source>
      <translation>走访人</translation>
    </message>
    <message>
      <source>Seen</source>
      <translation>已访</translation>
    </message>
    <message>
      <source>Resident</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Key groups</source>
      <translation>重点人群</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>How</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>走访情况</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>七必报</translation>
    </message>
    <message>
      <source>Space: tick a row   F2: type in a cell   Ctrl+S: save all</source>
      <translation>空格：勾选   F2：编辑单元格   Ctrl+S：全部保存</translation>
    </message>
    <message>
      <source>Save all</source>
      <translation>全部保存</translation>
    </message>
    <message>
      <source>Cancel and close</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Round recorded</source>
      <translation>批量走访已保存</translation>
    </message>
    <message>
      <source>{n} visits are recorded.</source>
      <translation>已保存 {n} 条走访记录。</translation>
    </message>
    <message>
      <source>&amp;Grid</source>
      <translation>网格(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Date</source>
      <translation>日期(&amp;D)</translation>
    </message>
    <message>
      <source>Empty: the date above; or 2026-12-05, 12-05, 5</source>
      <translation>留空则用上方日期；也可输入 2026-12-05、12-05 或 5</translation>
    </message>
    <message>
      <source>as above</source>
      <translation>同上</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Everyone on the visit plan in this grid has been visited in their period.</source>
      <translation>本网格走访计划内的居民本周期均已走访。</translation>
    </message>
    <message>
      <source>{ticked} of {n} residents ticked</source>
      <translation>已勾选 {ticked} / {n} 人</translation>
    </message>
    <message>
      <source>Row {row} ({name}): the date cannot be read; type it as 2026-12-05.</source>
      <translation>第 {row} 行（{name}）：日期无法识别，请按 2026-12-05 格式输入。</translation>
    </message>
    <message>
      <source>Tick the residents who were visited (Space), then save.</source>
      <translation>请先勾选已走访的居民（空格），再保存。</translation>
    </message>
    <message>
      <source>Row {row} ({name}): {error}</source>
      <translation>第 {row} 行（{name}）：{error}</translation>
    </message>
    <message>
      <source>Close without saving? {n} ticked visits are not saved yet.</source>
      <translation>不保存就关闭吗？已勾选的 {n} 条走访尚未保存。</translation>
    </message>
    <message>
      <source>{name}: request {number} (grid worker report) was created for: {item}.</source>
      <translation>{name}：已生成诉求 {number}（网格员上报）：{item}。</translation>
    </message>
    <message>
      <source>{name}: please update in the residents register: {item}</source>
      <translation>{name}：请在居民档案中更新：{item}</translation>
    </message>
    <message>
      <source>Resident: name, pinyin initials (zs), phone, ID number or address</source>
      <translation>居民：姓名、拼音首字母（zs）、电话、身份证号或住址</translation>
    </message>
    <message>
      <source>No resident found.</source>
      <translation>没有找到居民。</translation>
    </message>
    <message>
      <source>Overdue visit</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>To visit</source>
      <translation>待走访</translation>
    </message>
    <message>
      <source>Visited</source>
      <translation>已走访</translation>
    </message>
    <message>
      <source>withdrawn: {reason}</source>
      <translation>已撤回：{reason}</translation>
    </message>
    <message>
      <source>corrected later</source>
      <translation>已被更正</translation>
    </message>
    <message>
      <source>correction: {reason}</source>
      <translation>更正：{reason}</translation>
    </message>
    <message>
      <source>Withdraw a visit</source>
      <translation>撤回走访</translation>
    </message>
    <message>
      <source>Required, e.g. recorded for the wrong resident</source>
      <translation>必填，如：误录为其他居民</translation>
    </message>
    <message>
      <source>&amp;Reason</source>
      <translation>原因(&amp;R)</translation>
    </message>
    <message>
      <source>Visits of {name}</source>
      <translation>{name} 的走访记录</translation>
    </message>
    <message>
      <source>Show corrected and withdrawn entries</source>
      <translation>显示已更正和已撤回的记录</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>诉求</translation>
    </message>
    <message>
      <source>The selected visit in full</source>
      <translation>所选走访的详细情况</translation>
    </message>
    <message>
      <source>Record visit (Ctrl+N)</source>
      <translation>记录走访 (Ctrl+N)</translation>
    </message>
    <message>
      <source>Withdraw…</source>
      <translation>撤回…</translation>
    </message>
    <message>
      <source>Take back the selected visit, recorded by mistake (with a reason)</source>
      <translation>撤回误录的所选走访（需填写原因）</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>{date} · {how} · visited by {visitor}</source>
      <translation>{date} · {how} · 走访人 {visitor}</translation>
    </message>
    <message>
      <source>Recorded by {user} at {moment}</source>
      <translation>{user} 于 {moment} 录入</translation>
    </message>
    <message>
      <source>Withdraw visit</source>
      <translation>撤回走访</translation>
    </message>
    <message>
      <source>Withdraw the visit of {date} to {name}? It stays in the history, marked withdrawn, and no longer counts for the plan.</source>
      <translation>撤回 {date} 对 {name} 的走访吗？该记录仍保留在走访记录中并标为已撤回，不再计入走访计划。</translation>
    </message>
    <message>
      <source>{n} requests raised</source>
      <translation>{n} 件诉求</translation>
    </message>
    <message>
      <source>No visit recorded for {name} yet.</source>
      <translation>{name} 暂无走访记录。</translation>
    </message>
    <message>
      <source>Companions: {names}</source>
      <translation>同行人员：{names}</translation>
    </message>
    <message>
      <source>Reports: {items}</source>
      <translation>七必报：{items}</translation>
    </message>
    <message>
      <source>Photos: {names}</source>
      <translation>照片：{names}</translation>
    </message>
    <message>
      <source>(no findings written)</source>
      <translation>（未填写走访情况）</translation>
    </message>
    <message>
      <source>Previous period missed</source>
      <translation>上期未访</translation>
    </message>
    <message>
      <source>{rule} (phone counts)</source>
      <translation>{rule}（可电话）</translation>
    </message>
    <message>
      <source>{day} phone call (not counted)</source>
      <translation>{day} 电话（不计）</translation>
    </message>
    <message>
      <source>{n} residents: {overdue} overdue, {due} due, {done} visited</source>
      <translation>共 {n} 人：逾期 {overdue}，待走访 {due}，已走访 {done}</translation>
    </message>
    <message>
      <source>Nobody is on the visit plan yet.
Residents are due for visits when they carry a key group of the plan (独居老人, 困难家庭 …).</source>
      <translation>走访计划中暂无居民。
居民档案中标记了计划内重点人群（独居老人、困难家庭 …）的居民会列入走访计划。</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>走访要求</translation>
    </message>
    <message>
      <source>Visit period</source>
      <translation>走访周期</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>应访日期</translation>
    </message>
    <message>
      <source>Last visit</source>
      <translation>最近走访</translation>
    </message>
    <message>
      <source>Home address</source>
      <translation>住址</translation>
    </message>
    <message>
      <source>The grids a worker looks after</source>
      <translation>按网格员负责的网格筛选</translation>
    </message>
    <message>
      <source>The month of the plan (a past month shows its state at its end)</source>
      <translation>走访计划的月份（以往月份显示该月月末的情况）</translation>
    </message>
    <message>
      <source>Record visit</source>
      <translation>记录走访</translation>
    </message>
    <message>
      <source>Record a visit (Ctrl+N; Enter on a row: for that resident)</source>
      <translation>记录一次走访（Ctrl+N；在某行按回车：记录该居民的走访）</translation>
    </message>
    <message>
      <source>Record a round</source>
      <translation>批量录入</translation>
    </message>
    <message>
      <source>Several visits of one grid in one table (Ctrl+B)</source>
      <translation>在一张表中录入同一网格的多条走访（Ctrl+B）</translation>
    </message>
    <message>
      <source>Visits of resident</source>
      <translation>走访记录</translation>
    </message>
    <message>
      <source>The selected resident's visits (Ctrl+Shift+V)</source>
      <translation>所选居民的走访记录（Ctrl+Shift+V）</translation>
    </message>
    <message>
      <source>Print ledger</source>
      <translation>打印台账</translation>
    </message>
    <message>
      <source>The monthly visit ledger of a grid (Ctrl+P)</source>
      <translation>打印一个网格的月度走访台账（Ctrl+P）</translation>
    </message>
    <message>
      <source>Visit plan</source>
      <translation>走访计划</translation>
    </message>
    <message>
      <source>How often each key group is visited</source>
      <translation>设置各类重点人群的走访频次</translation>
    </message>
    <message>
      <source>All grids</source>
      <translation>全部网格</translation>
    </message>
    <message>
      <source>All workers</source>
      <translation>全部网格员</translation>
    </message>
    <message>
      <source>No resident on the visit plan matches “{text}”.</source>
      <translation>走访计划中没有与“{text}”匹配的居民。</translation>
    </message>
    <message>
      <source>Nobody on the visit plan matches these filters.</source>
      <translation>走访计划中没有符合筛选条件的居民。</translation>
    </message>
    <message>
      <source>{name}: not visited, due by {day}</source>
      <translation>{name}：尚未走访，应于 {day} 前走访</translation>
    </message>
    <message>
      <source>Visit ledger</source>
      <translation>走访台账</translation>
    </message>
    <message>
      <source>Name or pinyin initials (zs)</source>
      <translation>姓名或拼音首字母（zs）</translation>
    </message>
    <message>
      <source>Find a resident on the plan as you type (Ctrl+F); Esc clears</source>
      <translation>输入即查找走访计划内的居民（Ctrl+F）；Esc 清除</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Not visited yet</source>
      <translation>尚未走访</translation>
    </message>
    <message>
      <source>Enter: record   Ctrl+F: search   F5: refresh</source>
      <translation>回车：记录走访   Ctrl+F：搜索   F5：刷新</translation>
    </message>
    <message>
      <source>Visit ledger {grid} {month}</source>
      <translation>走访台账 {grid} {month}</translation>
    </message>
    <message>
      <source>{month} (this month)</source>
      <translation>{month}（本月）</translation>
    </message>
    <message>
      <source>Print the visit ledger</source>
      <translation>打印走访台账</translation>
    </message>
    <message>
      <source>Choose a grid…</source>
      <translation>请选择网格…</translation>
    </message>
    <message>
      <source>&amp;Month</source>
      <translation>月份(&amp;M)</translation>
    </message>
    <message>
      <source>Print preview</source>
      <translation>打印预览</translation>
    </message>
    <message>
      <source>The monthly ledger of one grid: who was due, who was seen, when and by whom.</source>
      <translation>一个网格的月度走访台账：应访哪些人、已访哪些人、何时由谁走访。</translation>
    </message>
    <message>
      <source>Choose the grid whose ledger is printed.</source>
      <translation>请选择要打印台账的网格。</translation>
    </message>
    <message>
      <source>Add photos of the visit</source>
      <translation>添加走访照片</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.heic)</source>
      <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.heic)</translation>
    </message>
    <message>
      <source>The visit to {name} is recorded.</source>
      <translation>已保存对 {name} 的走访记录。</translation>
    </message>
    <message>
      <source>A request {number} (grid worker report) was created for: {item}.</source>
      <translation>已生成诉求 {number}（网格员上报）：{item}。</translation>
    </message>
    <message>
      <source>Please update in the residents register: {item}</source>
      <translation>请在居民档案中更新：{item}</translation>
    </message>
    <message>
      <source>Record a visit</source>
      <translation>记录走访</translation>
    </message>
    <message>
      <source>Nobody chosen yet: type a name and press Enter.</source>
      <translation>尚未选择居民：输入姓名后按回车。</translation>
    </message>
    <message>
      <source>&amp;Resident</source>
      <translation>居民(&amp;R)</translation>
    </message>
    <message>
      <source>The day of the visit (not after today); Enter saves</source>
      <translation>走访日期（不能晚于今天）；回车保存</translation>
    </message>
    <message>
      <source>&amp;Visited by</source>
      <translation>走访人(&amp;V)</translation>
    </message>
    <message>
      <source>What was found: living conditions, needs, problems (required when an item below needs action)</source>
      <translation>走访情况：生活状况、需求、问题（勾选需处置的七必报事项时必填）</translation>
    </message>
    <message>
      <source>&amp;Findings</source>
      <translation>走访情况(&amp;F)</translation>
    </message>
    <message>
      <source>Safety, instability, sanitation and hospital become requests at once.</source>
      <translation>勾选安全隐患、不稳定因素、环境卫生不洁、居民重病住院，保存时自动生成诉求（网格员上报）。</translation>
    </message>
    <message>
      <source>Reports (七必报)</source>
      <translation>七必报事项</translation>
    </message>
    <message>
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <source>Remove photos</source>
      <translation>移除照片</translation>
    </message>
    <message>
      <source>No photos</source>
      <translation>无照片</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Save visit</source>
      <translation>保存走访</translation>
    </message>
    <message>
      <source>Enter on the date saves (Ctrl+Enter from any field).</source>
      <translation>在日期处按回车即保存（任意位置按 Ctrl+回车 也可保存）。</translation>
    </message>
    <message>
      <source>Chosen from the list.</source>
      <translation>已从列表中选定。</translation>
    </message>
    <message>
      <source>This date is in the future: a visit is recorded after it took place.</source>
      <translation>该日期晚于今天：走访须在发生后才能登记。</translation>
    </message>
    <message>
      <source>Pick the resident from the list (Enter).</source>
      <translation>请从列表中选择居民（回车）。</translation>
    </message>
    <message>
      <source>Visit recorded</source>
      <translation>走访已保存</translation>
    </message>
    <message>
      <source>Saving creates a request (grid worker report) for this</source>
      <translation>保存时自动为此生成诉求（网格员上报）</translation>
    </message>
    <message>
      <source>Saving reminds you to update the residents register</source>
      <translation>保存后提醒您更新居民档案</translation>
    </message>
    <message>
      <source>How often the residents of each key group are visited. A resident in several groups follows the most frequent rule; a phone call counts only where ticked.</source>
      <translation>各类重点人群的走访频次。同时属于多类人群的居民按最频繁的要求走访；勾选“电话算走访”的人群，电话联系才计为已走访。</translation>
    </message>
    <message>
      <source>Key group</source>
      <translation>重点人群</translation>
    </message>
    <message>
      <source>Number of residents</source>
      <translation>人数</translation>
    </message>
    <message>
      <source>How often</source>
      <translation>走访频次</translation>
    </message>
    <message>
      <source>Phone call counts</source>
      <translation>电话算走访</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Grid workers</source>
      <translation>网格员</translation>
    </message>
    <message>
      <source>The grids each worker looks after: their visit list and the start page show them.</source>
      <translation>各人员负责的网格：其走访台账筛选和今日待办按此显示。</translation>
    </message>
    <message>
      <source>Staff member</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Grids looked after</source>
      <translation>负责网格</translation>
    </message>
    <message>
      <source>counts</source>
      <translation>算走访</translation>
    </message>
    <message>
      <source>{group}: {error}</source>
      <translation>{group}：{error}</translation>
    </message>
    <message>
      <source>(not in the register)</source>
      <translation>（档案中暂无）</translation>
    </message>
    <message>
      <source>Visits this week: {overdue} overdue, {due} due by Sunday</source>
      <translation>本周走访：逾期 {overdue} 人，本周内到期 {due} 人</translation>
    </message>
    <message>
      <source>No visit is due this week in your grids.</source>
      <translation>您负责的网格本周没有待走访的居民。</translation>
    </message>
    <message>
      <source>Visits this week</source>
      <translation>本周走访</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>app</name>
    <message>
      <source>Creating the demo database…</source>
      <translation>正在创建演示数据库…</translation>
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
      <source>Created</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>修改</translation>
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
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Resident</source>
      <translation>居民</translation>
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
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>May log in</source>
      <translation>允许登录</translation>
    </message>
    <message>
      <source>Centre name</source>
      <translation>中心名称</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>字段</translation>
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
      <source>Audit log</source>
      <translation>操作日志</translation>
    </message>
    <message>
      <source>Entries cannot be changed or deleted. ID numbers and phones are kept masked.</source>
      <translation>日志不可修改或删除。身份证号和电话以脱敏形式记录。</translation>
    </message>
    <message>
      <source>{n} entries</source>
      <translation>共 {n} 条</translation>
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
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
  </context>
  <context>
    <name>desktop</name>
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
      <source>Wrong user name or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <source>Wrong user name or password. {left} tries left before the account locks.</source>
      <translation>用户名或密码错误。再错 {left} 次账号将被锁定。</translation>
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
      <source>Too many wrong passwords: this account is locked for {minutes} minutes.</source>
      <translation>密码错误次数过多，账号已锁定 {minutes} 分钟。</translation>
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
      <source>The centre's name has at most {n} characters.</source>
      <translation>中心名称最多 {n} 个字。</translation>
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
      <source>You are not allowed to do this.</source>
      <translation>您没有执行此操作的权限。</translation>
    </message>
    <message>
      <source>Please correct the highlighted fields.</source>
      <translation>请修改标红的项目。</translation>
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
      <source>The database could not be backed up before the upgrade, so it was not upgraded: {why}</source>
      <translation>升级前备份数据库失败，因此未升级：{why}</translation>
    </message>
    <message>
      <source>The database could not be opened: {why}</source>
      <translation>无法打开数据库：{why}</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>文件夹 {folder} 不存在。</translation>
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
      <source>This resident no longer exists.</source>
      <translation>该居民档案已不存在。</translation>
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
      <source>This ID number is already registered to {name} (No. {id}).</source>
      <translation>该身份证号已登记在 {name}（档案号 {id}）名下。</translation>
    </message>
    <message>
      <source>This grid no longer exists.</source>
      <translation>该网格已不存在。</translation>
    </message>
    <message>
      <source>A chosen key group no longer exists.</source>
      <translation>所选的重点人群类别已不存在。</translation>
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
      <source>Start using</source>
      <translation>开始使用</translation>
    </message>
    <message>
      <source>Welcome. This database is new: name your centre and choose the administrator's password. You can add other users after logging in.</source>
      <translation>欢迎使用。这是一个新数据库：请填写中心名称并设置管理员密码。登录后可以添加其他用户。</translation>
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
      <source>Shortcut: Ctrl+{n}</source>
      <translation>快捷键：Ctrl+{n}</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>居民档案</translation>
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
      <source>Settings</source>
      <translation>系统设置</translation>
    </message>
  </context>
  <context>
    <name>residents</name>
    <message>
      <source>Required</source>
      <translation>必填</translation>
    </message>
    <message>
      <source>Name *</source>
      <translation>姓名 *</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>性别</translation>
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
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>住址</translation>
    </message>
    <message>
      <source>No grid</source>
      <translation>未分网格</translation>
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
      <source>New resident</source>
      <translation>新建居民</translation>
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
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <source>Click to sort by this column</source>
      <translation>点击按此列排序</translation>
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
      <source>Show archived</source>
      <translation>显示已归档</translation>
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
      <source>Enter: edit   Ctrl+N: new   Ctrl+F: search   Esc: clear search</source>
      <translation>回车：编辑   Ctrl+N：新建   Ctrl+F：查找   Esc：清空查找</translation>
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
      <source>No resident matches “{text}”.</source>
      <translation>没有找到与“{text}”相符的居民。</translation>
    </message>
    <message>
      <source>ID number and phone</source>
      <translation>身份证号和电话</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>居民档案</translation>
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
  </context>
  <context>
    <name>settings</name>
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
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>Database file on this PC</source>
      <translation>本机数据库文件</translation>
    </message>
    <message>
      <source>Shared PostgreSQL server (several PCs)</source>
      <translation>共享 PostgreSQL 服务器（多台电脑）</translation>
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
      <source>Test connection</source>
      <translation>测试连接</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>In use now: {name}</source>
      <translation>当前使用：{name}</translation>
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
      <source>Saved. Restart the program to use the new settings.</source>
      <translation>已保存。重启程序后使用新设置。</translation>
    </message>
    <message>
      <source>Only an administrator can change the centre's name.</source>
      <translation>只有系统管理员可以修改中心名称。</translation>
    </message>
    <message>
      <source>Enter a file or a server address.</source>
      <translation>请填写数据库文件或服务器地址。</translation>
    </message>
  </context>
  <context>
    <name>users</name>
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
      <source>Users</source>
      <translation>用户管理</translation>
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
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Password reset</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>The new password is set and the account is unlocked.</source>
      <translation>新密码已设置，账号已解锁。</translation>
    </message>
    <message>
      <source>Locked until {time}</source>
      <translation>锁定至 {time}</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>正常</translation>
    </message>
  </context>
</TS>

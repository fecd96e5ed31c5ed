<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>app</name>
    <message>
      <source>Creating the demo database…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot open the database</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>audit</name>
    <message>
      <source>Setup</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Logged in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wrong password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Account locked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Archived</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Viewed ID/phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Password reset</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Password changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Demo data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>User</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Resident</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Setting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Audit log</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entries cannot be changed or deleted. ID numbers and phones are kept masked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} entries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Object</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>After</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>desktop</name>
    <message>
      <source>Enter the centre's name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter a user name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter your user name and password.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter the person's name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This database has already been set up.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Too many wrong passwords: this account is locked for {minutes} more minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wrong user name or password. {left} tries left before the account locks.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This user no longer exists.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You cannot remove your own administrator rights.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Too many wrong passwords: this account is locked for {minutes} minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The user name {name} is taken.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The current password is wrong.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The centre's name has at most {n} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown demo scale {scale}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The database already has data; demo data goes only into a new one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You are not allowed to do this.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please correct the highlighted fields.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The database is ready.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The database is empty; it will be set up on first start.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The database will be upgraded (after a backup) on next start.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A new database will be created here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This database was written by a newer version of the program (revision {rev}). Please install the newer version; the database was left untouched.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The database could not be backed up before the upgrade, so it was not upgraded: {why}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The database could not be opened: {why}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A password needs at least {n} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The two passwords do not match.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Front desk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Volunteer coordinator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Director</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Administrator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter the resident's name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose 男 or 女.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The birth date cannot be in the future.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An address has at most {n} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notes have at most {n} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This resident no longer exists.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A name has at most {n} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A name cannot contain digits.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This ID number is already registered to {name} (No. {id}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This grid no longer exists.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A chosen key group no longer exists.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter the ID number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An ID number has 18 characters; this one has {count}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An ID number is 17 digits followed by a digit or X.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The check character of this ID number is wrong; please re-check it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The birth date {date} in this ID number is not possible.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter the phone number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A phone number may contain only digits and a dash.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter a landline with its area code, e.g. 0533-1234567.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This landline number is not valid; check the area code and length.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The birth date {date} in this ID number does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The area code {code} is not in the current list (it may have been abolished).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A mobile number has 11 digits and starts with 13–19.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>login</name>
    <message>
      <source>Log in — Community Service Centre</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>User name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database: {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Log in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>First-time setup</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Welcome. This database is new: name your centre and choose the administrator's password. You can add other users after logging in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. 张店区某某社区党群服务中心</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Centre name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Administrator user name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Password (6+ characters)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Repeat password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Start using</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Community Service Centre</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>main</name>
    <message>
      <source>Community Service Centre — {centre}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database: {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} ({role})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Log out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Log out (Ctrl+Shift+L)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Shortcut: Ctrl+{n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Residents</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Users</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Audit log</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>settings</name>
    <message>
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Centre (shared by every PC using this database)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Centre name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This PC (takes effect after restarting the program)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database file on this PC</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Shared PostgreSQL server (several PCs)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Server address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Test connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In use now: {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database (*.sqlite3 *.db)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved. Restart the program to use the new settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only an administrator can change the centre's name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter a file or a server address.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>users</name>
    <message>
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>User name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Role</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reset password of {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change my password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Current password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Repeat new password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Users</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New user</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reset password / unlock</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An account is locked for 15 minutes after 5 wrong passwords; resetting its password unlocks it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit user</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>First password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Account may log in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Disabled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Password reset</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The new password is set and the account is unlocked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Locked until {time}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Active</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Cooperation Records</source>
        <translation>国际合作档案</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>A new, empty library was created. Load the demo records (two real events of an international office, with sample scans) to try the program?</source>
        <translation>已创建一个新的空档案库。是否载入示例记录（国际合作处的两项真实活动，附样例扫描件）来试用本程序？</translation>
    </message>
    <message>
        <source>Loading the demo records…</source>
        <translation>正在载入示例记录…</translation>
    </message>
    <message>
        <source>Demo records</source>
        <translation>示例记录</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>&amp;Add scans…</source>
        <translation>添加扫描件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Rotate &amp;left</source>
        <translation>向左旋转(&amp;L)</translation>
    </message>
    <message>
        <source>Rotate &amp;right</source>
        <translation>向右旋转(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Caption…</source>
        <translation>说明(&amp;C)…</translation>
    </message>
    <message>
        <source>Open with &amp;system viewer</source>
        <translation>用系统查看器打开(&amp;S)</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Drop scans or photos here, use Add scans…, or paste a picture (Ctrl+V).</source>
        <translation>将扫描件或照片拖到此处，或点击“添加扫描件…”，或粘贴图片（Ctrl+V）。</translation>
    </message>
    <message>
        <source>Save the record to attach scans.</source>
        <translation>请先保存记录，再添加扫描件。</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message>
        <source>Add scans</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <source>Scans and photos (%1);;All files (*)</source>
        <translation>扫描件和照片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The clipboard holds no picture or file to attach.</source>
        <translation>剪贴板中没有可添加的图片或文件。</translation>
    </message>
</context>
<context>
    <name>AttendeesSection</name>
    <message>
        <source>Add attendee: type part of a name (中文, English or pinyin)…</source>
        <translation>添加参会人员：输入姓名的一部分（中文、英文或拼音）…</translation>
    </message>
    <message>
        <source>Role of the next attendee added</source>
        <translation>下一位添加的参会人员的角色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>&amp;Remove attendee</source>
        <translation>移除参会人员(&amp;R)</translation>
    </message>
    <message>
        <source>Add attendee</source>
        <translation>添加参会人员</translation>
    </message>
    <message>
        <source>Pick an organisation from the suggestions, or clear the field.</source>
        <translation>请从建议中选择一个单位，或清空此栏。</translation>
    </message>
    <message>
        <source>Add new attendee</source>
        <translation>添加新参会人员</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Remove attendee</source>
        <translation>移除参会人员</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Backed up.</source>
        <translation>已备份。</translation>
    </message>
    <message>
        <source>Backing up before closing…</source>
        <translation>正在关闭前备份…</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>The backup on closing failed: %1

Your records are safe in the library; back up from Tools › Backups… next time.</source>
        <translation>关闭时备份失败：%1

您的记录仍安全保存在档案库中；下次请通过“工具 › 备份…”进行备份。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>&amp;Change folder…</source>
        <translation>更改文件夹(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>校验(&amp;V)</translation>
    </message>
    <message>
        <source>Check every file of the chosen backup against its hash</source>
        <translation>按哈希值逐一校验所选备份中的每个文件</translation>
    </message>
    <message>
        <source>&amp;Restore into a new folder…</source>
        <translation>恢复到新文件夹(&amp;R)…</translation>
    </message>
    <message>
        <source>Make a new library from the chosen backup; the current library is not touched</source>
        <translation>用所选备份生成一个新档案库；当前档案库保持不变</translation>
    </message>
    <message>
        <source>Snapshots, newest first:</source>
        <translation>备份快照（最新的在前）：</translation>
    </message>
    <message>
        <source>Backups go to: %1</source>
        <translation>备份位置：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n scan(s)</source>
        <translation>
            <numerusform>%1 — %n 个扫描件</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no backup yet.</source>
        <translation>尚无备份。</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message numerus="yes">
        <source>Backed up: %n scan(s), %1 new.</source>
        <translation>
            <numerusform>已备份：%n 个扫描件，其中新增 %1 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) were missing from the library: run Tools › Check library….</source>
        <translation>
            <numerusform>档案库中缺少 %n 个扫描件：请运行“工具 › 检查档案库…”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>The backup is sound: every file matches its hash.</source>
        <translation>备份完好：每个文件都与其哈希值一致。</translation>
    </message>
    <message numerus="yes">
        <source>The backup is damaged: %n problem(s), for example %1.</source>
        <translation>
            <numerusform>备份已损坏：共 %n 个问题，例如 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an empty folder for the restored library</source>
        <translation>为恢复的档案库选择一个空文件夹</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Restored into %1.</source>
        <translation>已恢复到 %1。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The backup was restored into a new library:
%1

Open it now?</source>
        <translation>备份已恢复为一个新档案库：
%1

现在打开吗？</translation>
    </message>
</context>
<context>
    <name>CertificateEditor</name>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>Organisation that issued it</source>
        <translation>颁发证书的单位</translation>
    </message>
    <message>
        <source>&amp;Issuer</source>
        <translation>颁发单位(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Recipient</source>
        <translation>获得者(&amp;R)</translation>
    </message>
    <message>
        <source>The institution, or a name</source>
        <translation>本单位，或某个名称</translation>
    </message>
    <message>
        <source>Only when a person received it</source>
        <translation>仅当由个人获得时填写</translation>
    </message>
    <message>
        <source>Recipient &amp;person</source>
        <translation>获得人(&amp;P)</translation>
    </message>
    <message>
        <source>Event where it was received</source>
        <translation>获得证书的活动</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>活动(&amp;E)</translation>
    </message>
    <message>
        <source>Issued &amp;on</source>
        <translation>颁发日期(&amp;O)</translation>
    </message>
    <message>
        <source>e.g. 2016 · 2022-12 · 2022-12-16</source>
        <translation>例如 2016 · 2022-12 · 2022-12-16</translation>
    </message>
    <message>
        <source>&amp;Valid</source>
        <translation>有效期(&amp;V)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>N&amp;umber</source>
        <translation>编号(&amp;U)</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>New certificate</source>
        <translation>新建证书</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check library</source>
        <translation>检查档案库</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Repair</source>
        <translation>修复(&amp;R)</translation>
    </message>
    <message>
        <source>Fix what can be fixed without losing anything</source>
        <translation>在不丢失任何数据的前提下修复可修复的问题</translation>
    </message>
    <message>
        <source>Checking the library…</source>
        <translation>正在检查档案库…</translation>
    </message>
    <message>
        <source>Repairing…</source>
        <translation>正在修复…</translation>
    </message>
    <message>
        <source>Repaired: %1 orphan file(s) removed, %2 scan(s) put back from the backup.</source>
        <translation>已修复：删除了 %1 个孤立文件，从备份中找回了 %2 个扫描件。</translation>
    </message>
    <message>
        <source>Search index rebuilt.</source>
        <translation>搜索索引已重建。</translation>
    </message>
    <message>
        <source>No problems found: the database, every scan and the backups are in order.</source>
        <translation>未发现问题：数据库、所有扫描件和备份均正常。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) need attention.</source>
        <translation>
            <numerusform>有 %n 个问题需要处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No damage found; %n remark(s):</source>
        <translation>
            <numerusform>未发现损坏；%n 条提示：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Conference</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>Ceremony</source>
        <translation>仪式</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会谈</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>政府部门</translation>
    </message>
    <message>
        <source>Chamber</source>
        <translation>商会</translation>
    </message>
    <message>
        <source>Alliance</source>
        <translation>联盟</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>College</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Embassy</source>
        <translation>使领馆</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>委员会</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>授牌</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员资格</translation>
    </message>
    <message>
        <source>Plaque</source>
        <translation>牌匾</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>参会代表</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>主旨演讲人</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>Organiser</source>
        <comment>attendee role</comment>
        <translation>会务组织者</translation>
    </message>
    <message>
        <source>Organiser</source>
        <comment>organiser role</comment>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Co-organiser</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>支持单位</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>A year (2016), a month (2022-12) or a day (2022-12-16)</source>
        <translation>年份（2016）、年月（2022-12）或具体日期（2022-12-16）</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>Editio&amp;n</source>
        <translation>届次(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. 7th, 2023</source>
        <translation>例如 第七届、2023</translation>
    </message>
    <message>
        <source>The larger event this one is part of</source>
        <translation>本活动所属的上级活动</translation>
    </message>
    <message>
        <source>&amp;Part of</source>
        <translation>所属活动(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end (optional)</source>
        <translation>结束（可选）</translation>
    </message>
    <message>
        <source>e.g. 2016 · 2022-12 · 2022-12-16</source>
        <translation>例如 2016 · 2022-12 · 2022-12-16</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>地点(&amp;L)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province / region</source>
        <translation>省份 / 地区</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>场馆(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>概要(&amp;S)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Organisers</source>
        <translation>主办及协办单位</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Sub-events</source>
        <translation>分项活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>New s&amp;ub-event</source>
        <translation>新建分项活动(&amp;U)</translation>
    </message>
    <message>
        <source>Certificates received</source>
        <translation>所获证书</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>颁发日期</translation>
    </message>
    <message>
        <source>New &amp;certificate</source>
        <translation>新建证书(&amp;C)</translation>
    </message>
    <message>
        <source>Scans and photos</source>
        <translation>扫描件和照片</translation>
    </message>
    <message>
        <source>Adding one saves the new event first.</source>
        <translation>添加时会先保存这条新活动。</translation>
    </message>
    <message>
        <source>event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
</context>
<context>
    <name>Facade</name>
    <message>
        <source>Create %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>恢复%1</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>%1 的修改历史</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), oldest first.</source>
        <translation>
            <numerusform>共 %n 处修改，最早的在前。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
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
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>moved to the trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>erased for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>link removed</source>
        <translation>移除关联</translation>
    </message>
    <message>
        <source>recorded as found</source>
        <translation>按现状记录</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <source>Scan inbox — unfiled scans</source>
        <translation>扫描收件箱 — 未归档的扫描件</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>选择文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Rescan</source>
        <translation>重新扫描(&amp;R)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Type part of its title or name</source>
        <translation>输入标题或名称的一部分</translation>
    </message>
    <message>
        <source>F&amp;ile selected</source>
        <translation>归档所选(&amp;I)</translation>
    </message>
    <message>
        <source>File to &amp;record:</source>
        <translation>归档到记录(&amp;R)：</translation>
    </message>
    <message>
        <source>Select scans, choose the record and File them; or drag a scan onto the scans of an open record. A filed scan leaves this folder once it is safely in the library.</source>
        <translation>选择扫描件，选定记录后点击“归档所选”；也可以把扫描件拖到已打开记录的扫描件栏。扫描件安全存入档案库后，才会从此文件夹移走。</translation>
    </message>
    <message>
        <source>No scan inbox folder is set. Choose the folder your scanner or phone saves into.</source>
        <translation>尚未设置扫描收件箱文件夹。请选择扫描仪或手机保存文件的文件夹。</translation>
    </message>
    <message>
        <source>The scan inbox folder %1 cannot be found.</source>
        <translation>找不到扫描收件箱文件夹 %1。</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <source>Scan inbox folder</source>
        <translation>扫描收件箱文件夹</translation>
    </message>
    <message>
        <source>No unfiled scans.</source>
        <translation>没有未归档的扫描件。</translation>
    </message>
    <message>
        <source>Choose the record to file the scans to.</source>
        <translation>请选择要归档到的记录。</translation>
    </message>
    <message>
        <source>Select the scans to file.</source>
        <translation>请选择要归档的扫描件。</translation>
    </message>
    <message>
        <source>%1 scan(s) filed.</source>
        <translation>已归档 %1 个扫描件。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Show &amp;both languages</source>
        <translation>同时显示中英文(&amp;B)</translation>
    </message>
</context>
<context>
    <name>LibraryHealth</name>
    <message>
        <source>Where the library is</source>
        <translation>档案库所在位置</translation>
    </message>
    <message>
        <source>The library is damaged</source>
        <translation>档案库已损坏</translation>
    </message>
    <message>
        <source>%1

The latest backup is from %2. Restore it into a new folder?
%3

The damaged library is left as it is.</source>
        <translation>%1

最近一次备份时间为 %2。是否将其恢复到新文件夹？
%3

已损坏的档案库将保持原样。</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
</context>
<context>
    <name>LibrarySettingsDialog</name>
    <message>
        <source>Library settings</source>
        <translation>档案库设置</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>选择标志…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>移除标志</translation>
    </message>
    <message>
        <source>Institution name (Chinese)</source>
        <translation>单位名称（中文）</translation>
    </message>
    <message>
        <source>Institution name (English)</source>
        <translation>单位名称（英文）</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>The folder a scanner or phone saves into</source>
        <translation>扫描仪或手机保存文件的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Scan inbox folder</source>
        <translation>扫描收件箱文件夹</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <source>Choose the institution&apos;s logo</source>
        <translation>选择本单位的标志</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <source>This file is not an image that can be read: %1</source>
        <translation>该文件不是可读取的图片：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New library…</source>
        <translation>新建档案库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open library…</source>
        <translation>打开档案库(&amp;O)…</translation>
    </message>
    <message>
        <source>Library &amp;settings…</source>
        <translation>档案库设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Move the record to the trash</source>
        <translation>将记录移到回收站</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>New &amp;event</source>
        <translation>新建活动(&amp;E)</translation>
    </message>
    <message>
        <source>New &amp;certificate</source>
        <translation>新建证书(&amp;C)</translation>
    </message>
    <message>
        <source>New &amp;person</source>
        <translation>新建人员(&amp;P)</translation>
    </message>
    <message>
        <source>New &amp;organisation</source>
        <translation>新建单位(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Print summary sheet…</source>
        <translation>打印活动简报(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>Show &amp;history</source>
        <translation>显示修改历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Check library…</source>
        <translation>检查档案库(&amp;C)…</translation>
    </message>
    <message>
        <source>Scan &amp;inbox…</source>
        <translation>扫描收件箱(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Recent libraries</source>
        <translation>最近的档案库(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cannot open the library</source>
        <translation>无法打开档案库</translation>
    </message>
    <message>
        <source>Open another library…</source>
        <translation>打开其他档案库…</translation>
    </message>
    <message>
        <source>Open a library folder</source>
        <translation>打开档案库文件夹</translation>
    </message>
    <message>
        <source>Open library</source>
        <translation>打开档案库</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new library</source>
        <translation>为新档案库选择一个空文件夹</translation>
    </message>
    <message>
        <source>Cooperation Records</source>
        <translation>国际合作档案</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>This record has unsaved changes. Save them?</source>
        <translation>此记录有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>No editor is available for this kind of record yet.</source>
        <translation>暂时还没有此类记录的编辑器。</translation>
    </message>
    <message>
        <source>Choose a record in the list, or create one with Record › New (Ctrl+N).</source>
        <translation>请在列表中选择一条记录，或通过“记录 › 新建”（Ctrl+N）创建。</translation>
    </message>
    <message>
        <source>No library is open. Use File › Open library… or File › New library…</source>
        <translation>尚未打开档案库。请使用“文件 › 打开档案库…”或“文件 › 新建档案库…”。</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
</context>
<context>
    <name>NewPersonForm</name>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>e.g. Dean, Director of ...</source>
        <translation>例如 院长、……主任</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Type part of a name in either language</source>
        <translation>输入中文或英文名称的一部分</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Own staff</source>
        <translation>本校人员</translation>
    </message>
    <message>
        <source>Create and add</source>
        <translation>创建并添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
</context>
<context>
    <name>OrganisationEditor</name>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>A&amp;bbreviation</source>
        <translation>简称(&amp;B)</translation>
    </message>
    <message>
        <source>e.g. SGAEE</source>
        <translation>例如 SGAEE</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>国家(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>网站(&amp;W)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>新建单位</translation>
    </message>
</context>
<context>
    <name>OrganisersSection</name>
    <message>
        <source>Add organiser: type part of a name or abbreviation…</source>
        <translation>添加主办单位：输入名称或简称的一部分…</translation>
    </message>
    <message>
        <source>Role of the next organiser added</source>
        <translation>下一个添加的单位的角色</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Remove or&amp;ganiser</source>
        <translation>移除单位(&amp;G)</translation>
    </message>
    <message>
        <source>Add organiser</source>
        <translation>添加主办单位</translation>
    </message>
    <message>
        <source>Add new organiser</source>
        <translation>添加新单位</translation>
    </message>
    <message>
        <source>Change organiser role</source>
        <translation>更改单位角色</translation>
    </message>
    <message>
        <source>Remove organiser</source>
        <translation>移除主办单位</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>职务(&amp;P)</translation>
    </message>
    <message>
        <source>Type part of a name in either language</source>
        <translation>输入中文或英文名称的一部分</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>单位(&amp;O)</translation>
    </message>
    <message>
        <source>Own &amp;staff</source>
        <translation>本校人员(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Events attended</source>
        <translation>参加的活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Scans and photos</source>
        <translation>扫描件和照片</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Pick one of the suggestions, or clear the field.</source>
        <translation>请从建议中选择一项，或清空此栏。</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>This record is in the trash.</source>
        <translation>此记录在回收站中。</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>More than %1 found</source>
        <translation>找到超过 %1 条</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>找到 %1 条</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Search events (title, place, organiser…)</source>
        <translation>搜索活动（标题、地点、主办单位…）</translation>
    </message>
    <message>
        <source>Search certificates (title, issuer, number…)</source>
        <translation>搜索证书（标题、颁发单位、编号…）</translation>
    </message>
    <message>
        <source>Search people (name in Chinese, English or pinyin…)</source>
        <translation>搜索人员（中文名、英文名或拼音…）</translation>
    </message>
    <message>
        <source>Search organisations (name, abbreviation…)</source>
        <translation>搜索单位（名称、简称…）</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Create “%1”…</source>
        <translation>新建“%1”…</translation>
    </message>
</context>
<context>
    <name>ScanViewer</name>
    <message>
        <source>Caption (optional)</source>
        <translation>说明（可选）</translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation>说明(&amp;C)</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>缩放到适合窗口</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>⟲ Rotate left</source>
        <translation>⟲ 向左旋转</translation>
    </message>
    <message>
        <source>⟳ Rotate right</source>
        <translation>⟳ 向右旋转</translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation>用系统查看器打开</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Print summary sheet</source>
        <translation>打印活动简报</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese and English</source>
        <translation>中英文对照</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信纸 (Letter)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>SummaryPrinting</name>
    <message>
        <source>Save summary sheet as PDF</source>
        <translation>将活动简报另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Summary sheet saved: %1</source>
        <translation>活动简报已保存：%1</translation>
    </message>
    <message>
        <source>The summary sheet could not be made: %1</source>
        <translation>无法生成活动简报：%1</translation>
    </message>
    <message>
        <source>Summary sheet</source>
        <translation>活动简报</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Deleted records stay here until they are restored or deleted permanently. Restoring can be undone with Ctrl+Z; deleting permanently cannot.</source>
        <translation>已删除的记录保留在这里，直到被恢复或永久删除。恢复操作可用 Ctrl+Z 撤销；永久删除则无法撤销。</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Delete “%1” permanently? This cannot be undone, and the undo history is cleared.</source>
        <translation>永久删除“%1”？此操作无法撤销，并会清空撤销记录。</translation>
    </message>
    <message>
        <source>Cannot delete permanently</source>
        <translation>无法永久删除</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n item(s) in the trash permanently? This cannot be undone, and the undo history is cleared.</source>
        <translation>
            <numerusform>永久删除回收站中的全部 %n 项？此操作无法撤销，并会清空撤销记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot empty the trash</source>
        <translation>无法清空回收站</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) stay in the trash because records outside it still use them:</source>
        <translation>
            <numerusform>有 %n 项仍留在回收站中，因为回收站外的记录仍在使用它们：</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete permanently</source>
        <translation>永久删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
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
        <source>Issuer</source>
        <translation>颁发单位</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>获得者</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>颁发日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Own staff</source>
        <translation>本校人员</translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
</context>
</TS>

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
    <name>AttendeesSection</name>
    <message>
        <source>Add attendee: type part of a name (中文, English or pinyin)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of the next attendee added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">名称</translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished">职务</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished">单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove attendee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attendee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an organisation from the suggestions, or clear the field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add new attendee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attendee</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateEditor</name>
    <message>
        <source>Certificate</source>
        <translation type="unfinished">证书</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation that issued it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The institution, or a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when a person received it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient &amp;person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event where it was received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2016 · 2022-12 · 2022-12-16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;umber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>A year (2016), a month (2022-12) or a day (2022-12-16)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>Event</source>
        <translation type="unfinished">活动</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;dition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 7th, 2023</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The larger event this one is part of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Part of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2016 · 2022-12 · 2022-12-16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province / region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished">国家</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished">日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished">标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">类别</translation>
    </message>
    <message>
        <source>New s&amp;ub-event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished">颁发日期</translation>
    </message>
    <message>
        <source>New &amp;certificate</source>
        <translation type="unfinished">新建证书(&amp;C)</translation>
    </message>
    <message>
        <source>Adding one saves the new event first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Facade</name>
    <message>
        <source>Create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation type="unfinished"></translation>
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
        <translation>打印概要表(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">名称</translation>
    </message>
    <message>
        <source>e.g. Dean, Director of ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished">职务</translation>
    </message>
    <message>
        <source>Type part of a name in either language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished">单位</translation>
    </message>
    <message>
        <source>Own staff</source>
        <translation type="unfinished">本校人员</translation>
    </message>
    <message>
        <source>Create and add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganisationEditor</name>
    <message>
        <source>Organisation</source>
        <translation type="unfinished">单位</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;bbreviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. SGAEE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished">人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">名称</translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished">职务</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganisersSection</name>
    <message>
        <source>Add organiser: type part of a name or abbreviation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of the next organiser added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished">单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove or&amp;ganiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add organiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change organiser role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove organiser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Person</source>
        <translation type="unfinished">人员</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name in either language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own &amp;staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished">日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished">活动</translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Pick one of the suggestions, or clear the field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is in the trash.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <source>Deleted records stay here until they are restored. Restoring can be undone with Ctrl+Z.</source>
        <translation>已删除的记录保留在这里，直到被恢复。恢复操作可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
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

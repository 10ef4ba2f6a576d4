"""Messages of the library in English and Simplified Chinese.

The library has no Qt, so it cannot use tr(); its messages live here, keyed by error code, with
`{placeholders}` filled from the error's parameters. `field` is rendered with the field's label in
the same language."""
from __future__ import annotations

from typing import Any

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("Name", "名称"),
    "name_zh": ("Chinese name", "中文名称"),
    "name_en": ("English name", "英文名称"),
    "title": ("Title", "标题"),
    "title_zh": ("Chinese title", "中文标题"),
    "title_en": ("English title", "英文标题"),
    "abbreviation": ("Abbreviation", "简称"),
    "kind": ("Kind", "类别"),
    "country": ("Country", "国家"),
    "website": ("Website", "网站"),
    "notes": ("Notes", "备注"),
    "position": ("Position", "职务"),
    "organisation_id": ("Organisation", "单位"),
    "is_staff": ("Own staff", "本校人员"),
    "email": ("Email", "电子邮件"),
    "phone": ("Phone", "电话"),
    "edition": ("Edition", "届次"),
    "parent_id": ("Parent event", "所属活动"),
    "start_date": ("Start", "开始日期"),
    "end_date": ("End", "结束日期"),
    "city": ("City", "城市"),
    "region": ("Province / region", "省份/地区"),
    "venue": ("Venue", "地点"),
    "summary": ("Summary", "摘要"),
    "event_id": ("Event", "活动"),
    "person_id": ("Person", "人员"),
    "role": ("Role", "角色"),
    "issuer_id": ("Issuer", "颁发单位"),
    "recipient": ("Recipient", "获得者"),
    "recipient_person_id": ("Recipient person", "获得人"),
    "issued_on": ("Issue date", "颁发日期"),
    "valid_from": ("Valid from", "生效日期"),
    "valid_until": ("Valid until", "有效期至"),
    "number": ("Reference number", "证书编号"),
    "caption": ("Caption", "说明"),
    "rotation": ("Rotation", "旋转"),
    "owner_kind": ("Attached to", "所属记录类别"),
    "owner_id": ("Attached to", "所属记录"),
    "original_name": ("File name", "文件名"),
    "sha256": ("File", "文件"),
}

# code -> (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {
    "library_error": ("Something went wrong in the library: {detail}", "档案库出错：{detail}"),
    "invalid": ("{field_label}: {detail}", "{field_label}：{detail}"),
    "required_name": (
        "Enter a name in Chinese or English (at least one).",
        "请至少填写中文或英文名称之一。",
    ),
    "required": ("{field_label} is required.", "必须填写{field_label}。"),
    "too_long": (
        "{field_label} is too long ({length} characters); the limit is {limit}.",
        "{field_label}过长（{length} 个字符），上限为 {limit}。",
    ),
    "bad_choice": (
        "{field_label}: “{value}” is not one of: {choices}.",
        "{field_label}：“{value}”不是有效选项（可选：{choices}）。",
    ),
    "bad_date": (
        "{field_label}: “{value}” is not a date. Write a year (2016), a month (2022-12) or a day (2022-12-16).",
        "{field_label}：“{value}”不是有效日期。请填写年份（2016）、年月（2022-12）或具体日期（2022-12-16）。",
    ),
    "date_order": (
        "{field_label} ({value}) is before the start ({start}).",
        "{field_label}（{value}）早于开始日期（{start}）。",
    ),
    "bad_email": (
        "{field_label}: “{value}” is not an email address (name@example.org).",
        "{field_label}：“{value}”不是有效的电子邮件地址（例如 name@example.org）。",
    ),
    "bad_url": (
        "{field_label}: “{value}” is not a web address (https://example.org).",
        "{field_label}：“{value}”不是有效网址（例如 https://example.org）。",
    ),
    "bad_ref": (
        "{field_label}: record {value} does not exist or is in the trash.",
        "{field_label}：记录 {value} 不存在或已在回收站中。",
    ),
    "bad_type": ("{field_label}: “{value}” has the wrong type.", "{field_label}：“{value}”类型不正确。"),
    "unknown_field": ("There is no field “{value}”.", "没有名为“{value}”的字段。"),
    "parent_cycle": (
        "An event cannot be inside itself or inside one of its own sub-events.",
        "活动不能属于其自身或其子活动。",
    ),
    "bad_rotation": (
        "Rotation must be 0, 90, 180 or 270 degrees.",
        "旋转角度必须为 0、90、180 或 270 度。",
    ),
    "not_found": ("There is no {kind} with id {id}.", "不存在编号为 {id} 的{kind_zh}。"),
    "conflict": ("{detail}", "{detail_zh}"),
    "duplicate_attendance": (
        "This person is already an attendee of this event.",
        "此人已在本活动的参会人员中。",
    ),
    "duplicate_organiser": (
        "This organisation already has that role in this event.",
        "该单位已在本活动中担任此角色。",
    ),
    # backups, check, trash (db/backup.py, db/check.py, db/trash.py)
    "backup_unwritable": (
        "Cannot write the backup to {path}: the disk or folder is read-only or not yours. Choose another backup folder.",
        "无法将备份写入 {path}：该磁盘或文件夹只读或无权限。请另选备份文件夹。",
    ),
    "backup_failed": ("The backup to {path} failed: {detail}", "备份到 {path} 失败：{detail}"),
    "backup_inside_library": (
        "{path} is inside the library folder; a backup must go to another folder, ideally another disk.",
        "{path} 位于档案库文件夹内；备份必须放在其他文件夹，最好是另一块磁盘。",
    ),
    "not_a_backup": (
        "{path} holds no backup of Cooperation Records (no manifest.json).",
        "{path} 中没有国际合作档案的备份（没有 manifest.json）。",
    ),
    "backup_damaged": (
        "The backup {path} is damaged ({detail}); choose an older one.",
        "备份 {path} 已损坏（{detail}）；请选择更早的备份。",
    ),
    "restore_target_not_empty": (
        "{path} already exists and is not empty. Restore into a new, empty folder: the current library is never overwritten.",
        "{path} 已存在且不为空。请恢复到新的空文件夹：当前档案库永远不会被覆盖。",
    ),
    "purge_referenced": (
        "{name} is still used by {count} record(s) outside the trash ({what}). Change or delete those first.",
        "{name} 仍被回收站之外的 {count} 条记录使用（{what}）。请先修改或删除这些记录。",
    ),
    "not_in_trash": ("This {kind} is not in the trash.", "该{kind_zh}不在回收站中。"),
    "backup_manifest": (
        "{path}: the backup's manifest is missing or unreadable ({detail}).",
        "{path}：备份清单缺失或无法读取（{detail}）。",
    ),
    "backup_db_hash": (
        "{path}: the backed-up database has changed since the backup was made.",
        "{path}：备份的数据库在备份后被改动过。",
    ),
    "backup_db_damaged": ("{path}: the backed-up database is damaged ({detail}).", "{path}：备份的数据库已损坏（{detail}）。"),
    "backup_file_missing": ("{path}: a backed-up file is missing.", "{path}：备份中缺少一个文件。"),
    "backup_file_hash": (
        "{path}: a backed-up scan has changed or is damaged.", "{path}：备份中的扫描件已被改动或损坏。"
    ),
    # check (db/check.py): the problem, then fix_<code>: what to do about it
    "check_integrity": (
        "The database is damaged ({detail}).", "数据库已损坏（{detail}）。"
    ),
    "fix_check_integrity": (
        "Restore the latest backup into a new folder (Tools ▸ Backups…) and open that library.",
        "将最近的备份恢复到新文件夹（工具 ▸ 备份…），然后打开该档案库。",
    ),
    "check_foreign_keys": (
        "{count} link(s) between records point at records that no longer exist (in {detail}).",
        "有 {count} 处记录之间的关联指向已不存在的记录（位于 {detail}）。",
    ),
    "fix_check_foreign_keys": (
        "Restore the latest backup into a new folder and compare; nothing is changed automatically.",
        "将最近的备份恢复到新文件夹并核对；不会自动做任何更改。",
    ),
    "check_scan_missing": (
        "The scan “{name}” of {owner} is missing from the files folder.",
        "{owner}的扫描件“{name}”不在文件夹中。",
    ),
    "fix_check_scan_missing": (
        "Repair puts it back from the latest backup when the backup has it; otherwise attach the scan again.",
        "若备份中有该文件，修复会从最近的备份放回；否则请重新附加扫描件。",
    ),
    "check_scan_changed": (
        "The scan “{name}” of {owner} was changed or damaged on disk (its content no longer matches).",
        "{owner}的扫描件“{name}”在磁盘上被改动或损坏（内容已不一致）。",
    ),
    "fix_check_scan_changed": (
        "Repair puts the original back from the latest backup when the backup has it; otherwise attach the scan again.",
        "若备份中有原件，修复会从最近的备份放回；否则请重新附加扫描件。",
    ),
    "check_orphans": (
        "{count} file(s) in the files folder belong to no record (left by an interrupted add or by emptying the trash).",
        "文件夹中有 {count} 个文件不属于任何记录（因添加中断或清空回收站而遗留）。",
    ),
    "fix_check_orphans": ("Repair deletes them: no record uses them.", "修复会删除它们：没有任何记录使用它们。"),
    "check_history_missing": (
        "{count} record(s) have no history of changes.", "有 {count} 条记录没有修改历史。"
    ),
    "fix_check_history_missing": (
        "Repair records their current values as the start of their history.",
        "修复会将其当前内容记为历史的起点。",
    ),
    "check_search_stale": (
        "The search index is out of date ({count} record(s) differ): some records may not be found.",
        "搜索索引已过时（{count} 条记录不一致）：部分记录可能搜索不到。",
    ),
    "fix_check_search_stale": ("Repair rebuilds the search index.", "修复会重建搜索索引。"),
    "check_no_backup": ("This library has no backup in {path}.", "该档案库在 {path} 中没有备份。"),
    "check_old_backup": (
        "The latest backup in {path} is {days} days old.", "{path} 中最近的备份已是 {days} 天前。"
    ),
    "fix_check_no_backup": ("Back up now (Tools ▸ Backups…).", "立即备份（工具 ▸ 备份…）。"),
    "fix_check_old_backup": ("Back up now (Tools ▸ Backups…).", "立即备份（工具 ▸ 备份…）。"),
    "location_cloud_sync": (
        "The library is in a folder a cloud service syncs ({path}). Syncing a database while it is open can damage it.",
        "档案库位于云同步文件夹中（{path}）。数据库在打开时被同步可能导致损坏。",
    ),
    "fix_location_cloud_sync": (
        "Move the library to a local folder, and choose the cloud folder as the backup folder instead.",
        "请将档案库移到本地文件夹，并改为把云同步文件夹设为备份文件夹。",
    ),
    "location_network_share": (
        "The library is on a network share ({path}). Network file systems can lose changes or damage a database.",
        "档案库位于网络共享上（{path}）。网络文件系统可能丢失修改或损坏数据库。",
    ),
    "fix_location_network_share": (
        "Move the library to a local disk, and back up to the network share instead.",
        "请将档案库移到本地磁盘，并改为备份到网络共享。",
    ),
    "cannot_open": ("The library at {path} cannot be opened: {detail}", "无法打开位于 {path} 的档案库：{detail}"),
    "locked": (
        "The library at {path} is open elsewhere (another window or program). Close it there first.",
        "位于 {path} 的档案库已在别处打开（另一个窗口或程序）。请先在那里关闭它。",
    ),
    "damaged": (
        "The library at {path} is damaged ({detail}). Restore it from a backup.",
        "位于 {path} 的档案库已损坏（{detail}）。请从备份中恢复。",
    ),
    "too_new": (
        "The library at {path} was written by a newer version of Cooperation Records (it has steps this version does not know: {steps}). Update the program to open it.",
        "位于 {path} 的档案库由更新版本的国际合作档案写入（包含本版本不认识的步骤：{steps}）。请先升级程序再打开。",
    ),
    "read_only": (
        "The library at {path} is on a disk or in a folder that cannot be written to. Copy it to a writable folder, or open it from there.",
        "位于 {path} 的档案库所在的磁盘或文件夹不可写入。请将其复制到可写的文件夹后再打开。",
    ),
    "not_a_library": (
        "{path} is not a Cooperation Records library (it has no records.db). Choose a library folder, or create a new one.",
        "{path} 不是国际合作档案库（其中没有 records.db）。请选择档案库文件夹，或新建一个。",
    ),
    "file_rejected": ("{name}: {detail}", "{name}：{detail_zh}"),
    "file_empty": ("{name}: the file is empty (0 bytes).", "{name}：文件为空（0 字节）。"),
    "file_too_big": (
        "{name}: the file is {size_mb} MB; the limit is {limit_mb} MB. Scan at a lower resolution or split it.",
        "{name}：文件大小为 {size_mb} MB，超过上限 {limit_mb} MB。请降低扫描分辨率或拆分文件。",
    ),
    "file_unknown_type": (
        "{name}: this is not a picture or PDF that can be attached (JPEG, PNG, TIFF, WebP, BMP, HEIC or PDF).",
        "{name}：不是可附加的图片或 PDF（支持 JPEG、PNG、TIFF、WebP、BMP、HEIC 或 PDF）。",
    ),
    "file_damaged": (
        "{name}: the file is damaged or incomplete ({detail}). Scan or copy it again.",
        "{name}：文件已损坏或不完整（{detail_zh}）。请重新扫描或复制。",
    ),
    "file_bomb": (
        "{name}: the picture is too large to open safely ({pixels} million pixels; the limit is {limit} million).",
        "{name}：图片像素过多，无法安全打开（{pixels} 百万像素，上限为 {limit} 百万像素）。",
    ),
    "file_unreadable": (
        "{name}: the file cannot be read ({detail}). Check that it exists and that you may open it.",
        "{name}：无法读取文件（{detail_zh}）。请确认文件存在且有权限打开。",
    ),
    "file_not_found": ("{name}: there is no such file.", "{name}：文件不存在。"),
    "disk_full": (
        "The disk is full: {detail}. Free some space and try again; nothing was changed.",
        "磁盘已满：{detail}。请释放空间后重试；未做任何更改。",
    ),
    "import_rejected": ("{path}: {detail}", "{path}：{detail_zh}"),
    "template_broken": (
        "The summary-sheet template uses the placeholder {placeholder}, which does not exist. Correct the template or restore the original one.",
        "活动简报模板使用了不存在的占位符 {placeholder}。请修改模板或恢复原始模板。",
    ),
    "template_syntax": (
        "The summary-sheet template has a “$” that is not a placeholder ({detail}). Write $$ for a dollar sign.",
        "活动简报模板中有一个不是占位符的“$”（{detail}）。如需美元符号请写作 $$。",
    ),
    "template_unreadable": (
        "The summary-sheet template {path} cannot be read ({detail}).",
        "无法读取活动简报模板 {path}（{detail}）。",
    ),
    # interchange (db/interchange.py)
    "import_unreadable": ("{path}: the file cannot be read ({detail}).", "{path}：无法读取文件（{detail}）。"),
    "import_not_json": (
        "{path}: this is not a JSON document ({detail}). Nothing was imported.",
        "{path}：不是 JSON 文档（{detail}）。未导入任何内容。",
    ),
    "import_bad_format": (
        "{path}: this is not a Cooperation Records interchange document (“format” must be “cooperation-records”). Nothing was imported.",
        "{path}：不是国际合作档案的交换文件（“format”必须为“cooperation-records”）。未导入任何内容。",
    ),
    "import_too_new": (
        "{path}: the document has format version {version}; this program reads version {supported}. Update the program. Nothing was imported.",
        "{path}：文件格式版本为 {version}，本程序只能读取版本 {supported}。请升级程序。未导入任何内容。",
    ),
    "import_bad_section": (
        "{path}: “{section}” must be a list of records. Nothing was imported.",
        "{path}：“{section}”必须是记录列表。未导入任何内容。",
    ),
    "import_bad_record": (
        "{path}: {section}, record {number} ({uuid}): {detail} Nothing was imported.",
        "{path}：{section_zh}第 {number} 条（{uuid}）：{detail_zh} 未导入任何内容。",
    ),
    "import_not_object": ("the record is not a JSON object.", "该记录不是 JSON 对象。"),
    "import_bad_uuid": ("“{value}” is not a uuid.", "“{value}”不是有效的 uuid。"),
    "import_duplicate_uuid": (
        "the uuid appears twice in the document.", "该 uuid 在文件中出现了两次。"
    ),
    "import_bad_stamp": (
        "{key}: “{value}” is not a UTC time (2024-01-31T08:00:00Z).",
        "{key}：“{value}”不是有效的 UTC 时间（例如 2024-01-31T08:00:00Z）。",
    ),
    "import_unknown_key": ("there is no field “{key}”.", "没有名为“{key}”的字段。"),
    "import_unknown_ref": (
        "{key}: {value} is neither in the document nor in the library.",
        "{key}：{value} 既不在文件中，也不在档案库中。",
    ),
    "import_cycle": (
        "parent: the event would be inside itself.", "parent：活动不能属于其自身或其子活动。"
    ),
    "import_missing_file": (
        "the scan {sha256} is not in {folder}.", "扫描件 {sha256} 不在 {folder} 中。"
    ),
    "import_file_mismatch": (
        "the scan in {folder} does not match its sha256 {sha256} (damaged or changed).",
        "{folder} 中的扫描件与其 sha256 {sha256} 不符（已损坏或被修改）。",
    ),
    "import_conflict": (
        "{path}: the document contradicts the library ({detail}). Nothing was imported.",
        "{path}：文件内容与档案库冲突（{detail}）。未导入任何内容。",
    ),
    # command line (db/cli.py)
    "cli_ready": ("Library ready: {path}", "档案库已就绪：{path}"),
    "cli_demo": ("Demo records loaded ({count} added or updated, {scans} sample scans).",
                 "已载入示例记录（新增或更新 {count} 条，示例扫描件 {scans} 个）。"),
    "cli_imported": ("Imported {path}: {added} added, {updated} updated, {unchanged} already up to date, {files} scans.",
                     "已导入 {path}：新增 {added} 条，更新 {updated} 条，{unchanged} 条已是最新，扫描件 {files} 个。"),
    "cli_exported": ("Exported {count} records and {files} scans to {path}.",
                     "已将 {count} 条记录和 {files} 个扫描件导出到 {path}。"),
    "cli_attached": ("{name}: attached.", "{name}：已附加。"),
    "cli_already_attached": ("{name}: already attached to this record.", "{name}：已附加在此记录上。"),
    "cli_no_hits": ("No matches for “{query}”.", "没有与“{query}”匹配的记录。"),
    "cli_check_ok": ("No problems found.", "未发现问题。"),
    "cli_backed_up": (
        "Backed up to {path}: {files} scan(s), {new} new.", "已备份到 {path}：{files} 个扫描件，其中 {new} 个为新增。"
    ),
    "cli_backup_sound": (
        "{path}: the backup is sound (every file matches its hash).", "{path}：备份完好（每个文件的哈希均一致）。"
    ),
    "cli_restored": (
        "Restored into the new library {path}.", "已恢复到新档案库 {path}。"
    ),
    "cli_file_missing": ("{path}: there is no such file.", "{path}：文件不存在。"),
    "export_failed": ("{path}: cannot write the export ({detail}).", "{path}：无法写入导出文件（{detail}）。"),
}

KIND_LABELS: dict[str, tuple[str, str]] = {
    "event": ("event", "活动"),
    "person": ("person", "人员"),
    "organisation": ("organisation", "单位"),
    "certificate": ("certificate", "证书"),
    "attendance": ("attendance", "参会记录"),
    "organiser": ("organiser", "主办信息"),
    "attachment": ("attachment", "附件"),
}


def field_label(field: str | None, lang: str = "en") -> str:
    if not field:
        return ""
    pair = FIELD_LABELS.get(field)
    if not pair:
        return field
    return pair[1] if lang.startswith("zh") else pair[0]


def text(code: str, lang: str = "en", *, field: str | None = None, **params: Any) -> str:
    """The message for `code` in `lang` ('en' or 'zh...'), with params filled in."""
    zh = lang.startswith("zh")
    pair = MESSAGES.get(code) or MESSAGES["library_error"]
    template = pair[1] if zh else pair[0]
    values = {k: ("" if v is None else v) for k, v in params.items()}
    values.setdefault("detail", code)
    values.setdefault("detail_zh", values.get("detail", code))
    kind = str(values.get("kind", ""))
    values.setdefault("kind_zh", KIND_LABELS.get(kind, (kind, kind))[1])
    values["field_label"] = field_label(field, "zh" if zh else "en")
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template

// Problems reading a notebook file (front matter, version), in Simplified Chinese.

/** Notebook-reader messages in Simplified Chinese. */
export const notebookZh = {
  newerVersion: (version: number, supported: number) =>
    `此笔记本由更新版本的 Clientbook 编写（格式版本 ${version}）；此版本只能读取版本 ${supported}。` +
    `请用更新的 Clientbook 打开，或请作者提供版本 ${supported} 的副本。`,
  badVersion: (value: string, supported: number) =>
    `笔记本格式版本必须是整数，例如 \`notebook: ${supported}\`，而不是 ${value}。`,
  badYaml: (line: number | undefined, reason: string) =>
    `文件头（顶部两行 --- 之间的部分）${line ? `第 ${line} 行` : ""}不是有效的 YAML：${reason}`,
  yamlTab: () => "行首缩进须用空格，不能用制表符",
  yamlIndent: () => "此行的缩进与上面的行不一致",
  yamlNoColon: () => "应为 `键: 值`（键后是冒号和一个空格）",
  yamlUnexpected: (text: string) => `意外的 \`${text}\`（含有它的值请加引号）`,
  yamlDuplicateKey: (key: string) => `键 \`${key}\` 出现了两次`,
  yamlUnclosed: (close: string) => `此行没有结束的 ${close}（一个值必须写在同一行）`,
  yamlBadEscape: (escape: string) => `\`${escape}\` 不是双引号中有效的转义`,
  yamlContinued: () => "值延续到了下一行：请写在同一行，必要时加引号",
  yamlAnchors: () => "文件头不读取锚点、别名和标签（&、*、!）",
  yamlBlockText: () => "文件头不读取块文本（| 或 >）：请把文本写在同一行并加引号",
  yamlPairInList: () => "文件头不读取 [ ] 中的 `键: 值`：请改用 { }",
  yamlCollectionKey: () => "键必须是文本，不能是 { } 或 [ ]",
  frontMatterNotMapping: () => "文件头必须是若干 `键: 值` 行，例如 `notebook: 1` 和 `title: ...`。",
  unclosedFrontMatter: () => "文件头在第一行以 --- 开始，但没有结束的 --- 行。",
  badTitle: () => "文件头中的 `title` 必须是文本。",
  dataNotMapping: () => "文件头中的 `data` 必须把数据表名映射到文件，例如 `orders: { file: orders.csv }`。",
  badDataSource: (table: string) => `数据源 \`${table}\` 需要一个文件，例如 \`${table}: { file: ${table}.csv }\`。`,
  badRoles: (table: string) =>
    `\`${table}\` 的 roles 必须把角色名映射到列名，例如 \`roles: { customer_id: Kunden-Nr }\`。`,
};

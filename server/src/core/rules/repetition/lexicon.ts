/**
 * Word lists and token helpers shared by the repetition rules. Kept small on
 * purpose: every entry is a decision about what a speechwriter repeats on
 * purpose (function words, reduplication, fixed political terms) and what is
 * padding.
 */
import { isHan } from '../../text';

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Single-character function words that never reduplicate: two in a row is an
 * editing slip (的的, 了了, 在在, 是是, 要要). Verbs that do reduplicate as
 * single characters (看看, 想想, 说说, 会会, 让让, 过过) are not here; neither
 * are numerals or classifiers (一一, 个个, 人人, 年年).
 */
export const STUTTER_CHARS = set(
  '的 了 在 是 和 与 及 并 把 被 对 从 向 以 将 于 给 由 也 都 就 才 又 还 而 但 着 地 得 之 其 我 你 他 她 它 这 那 要 很 更 最 已 该 比 或 则 却 所 因 为 如 若',
);

/**
 * Two-character words whose ABAB form is a normal verb or adjective
 * reduplication (研究研究 "look into it a bit", 雪白雪白). A repeated
 * multi-character token not on this list (我们我们, 发展发展) is a stutter.
 */
export const ABAB_OK = set(`
研究 讨论 商量 商议 学习 考虑 思考 琢磨 了解 调查 检查 交流 沟通 协调 总结 反思 比较 介绍 熟悉 准备
收拾 整理 打扫 清理 休息 锻炼 活动 练习 体验 感受 体会 尝试 试验 锻造 动员 宣传 表扬 批评 帮助 关心
照顾 打听 打量 分析 认识 理解 明白 回忆 回顾 梳理 盘点 核实 核对 计算 统计 安排 布置 张罗 操心 磨炼
摸索 探索 议论 聊聊 商谈 请教 指点 指导 点拨 提醒 教育 开导 鼓励 表示 解释 说明 看看 想想 走走 转转
高兴 热闹 暖和 凉快 舒服 放松 轻松 痛快 乐呵 开心 清醒 冷静 亮相 露脸 显摆 溜达 蹓跶 搓揉 按摩 活络
瞻仰 伺候 参观 享受 欣赏 品尝 见识 开眼 可惜 佩服 该死 抱歉 拜托 胡闹 谢谢 不是 如何 对不起 辛苦 恭喜 欢迎 久仰 好说 保重 加油 再见
雪白 通红 笔直 冰凉 漆黑 碧绿 火热 滚烫 蜡黄 煞白 粉碎 崭新 瓦蓝 湛蓝 透亮 喷香 乌黑 鲜红 雪亮 精光
`);

/** Numeral and quantity characters: 一步一步, 一天一天, 两个两个 reduplicate by design. */
const NUMERAL_START = set('一 二 两 三 四 五 六 七 八 九 十 百 千 万 几 每 半 单 双');

export function startsWithNumeral(word: string): boolean {
  return NUMERAL_START.has(word[0]);
}

/**
 * Function and stop words never counted as an over-used word, and never the
 * first or last word of an over-used phrase: pronouns, demonstratives,
 * conjunctions, prepositions, modal and degree adverbs, series markers, time
 * deixis and the most generic verbs of officialese (进行, 开展 as light verbs).
 */
export const STOP_WORDS = set(`
我们 你们 他们 她们 它们 咱们 大家 自己 同志 同志们 各位 人家 本人
这个 那个 这些 那些 这样 那样 这种 那种 这里 那里 这次 此次 其中 其他 其它 这是 就是 还是 也是 都是 不是 而是 只是 总是 即是 便是 正是 但是 于是 可是 或是 凡是 要是 还有 还要 也要 都要 就要 更要 既要 又要 才能 就能 不仅 而且 并且 或者 以及 及其 以便 以免 因为 所以 因此 因而 由于 虽然 然而 然后 如果 只有 只要 只是 无论 不论 即使 尽管 甚至 同时 此外 另外 否则
对于 关于 通过 根据 按照 依照 随着 围绕 作为 为了 除了 经过 基于 对此 为此 由此 从而 进而 以此 以来 以后 以前 以上 以下 以外 之一 之间 之中 之后 之前 之下 之上 当中 其实
一个 一些 一种 一批 一项 一次 一起 一定 一直 一样 一切 一般 一道 有的 有些 所有 各种 各项 各个 各级 各类 各自 每个 每年 任何 某些 多少
已经 正在 曾经 将要 需要 必须 可以 能够 应该 应当 不能 不会 没有 不要 不断地 务必 一律 仍然 依然 还是 始终 总是 常常 往往 经常 立即 马上 及时 尽快 逐步 渐渐 终于 真正 确实 的确 其实 当然 特别 尤其 更加 非常 十分 比较 相当 极其 最为 较为 日益 越来越 更为 不够 很多 许多 大量 不少
今天 今年 去年 明年 当前 目前 现在 过去 将来 未来 近年 近年来 近期 刚才 刚刚 下面 下一步 最近 年来 时候 时期 期间 方面 一方面 另一方面
一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 第一 第二 第三 第四 第五 第六 第七 第八 第九 第十 首先 其次 再次 最后 一要 二要 三要 四要 五要
什么 怎么 如何 为什么 怎样 这么 那么 多么 的话 等等 起来 出来 下来 上来 下去 一下 有关 相关 进行 开展 加以 予以 给予 做到 作出 做出 成为 认为 表示 来说 而言 来讲 讲话 问题 情况 工作
`);

/** Single characters that may not open or close a phrase (particles, prepositions, conjunctions, pronouns). */
export const PARTICLES = set(
  '的 了 着 过 地 得 之 和 与 及 或 等 也 都 就 而 并 又 还 在 是 把 被 对 从 向 为 以 将 于 让 使 给 由 我 你 他 她 它 这 那 要 会 能 有 不 没 很 更 最 其 所 因 如 若 则 却 才 已 该 比 到 上 下 中 里 个 们 吗 呢 吧 啊',
);

/**
 * Padding adverbs and adjectives of officialese (套话): each is fine once, a
 * page full of them says nothing. 进一步, 切实, 大力, 着力, 不断, 全面 are
 * the ones the issue names; the rest are the usual company.
 */
export const FILLERS: readonly string[] = [
  '进一步', '切实', '大力', '着力', '不断', '全面', '积极', '扎实', '深入', '有效',
  '认真', '充分', '努力', '持续', '坚决', '全力', '加快', '务实', '稳步', '着重',
  '高度', '不折不扣', '千方百计', '扎扎实实', '真正', '始终',
];

/**
 * Fixed political terms that contain a filler but are names, not padding:
 * 全面深化改革, 全面从严治党, 全面建成小康社会, 党的全面领导, 乡村全面振兴.
 * A filler token followed by one of these (as the next tokens' text) is not counted.
 */
export const FILLER_TERMS: Readonly<Record<string, readonly string[]>> = {
  全面: ['深化改革', '从严治党', '建成', '建设社会主义', '建设小康', '小康', '依法治国', '领导', '振兴', '推进依法治国', '贯彻落实党的', '开放新格局'],
  深入: ['实施', '贯彻落实科学发展观', '人心'],
  不断: ['满足人民'],
  进一步: ['全面深化改革'],
};

/** Every character of the token is a Han character. */
export function isHanWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isHan(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Predicates of officialese (verbs and evaluative adjectives): the words a
 * writer chooses to say something about the subject. Three of them within a
 * short span sound monotonous (推进……推进……推进). Words not on this list are
 * mostly nouns that name the subject (企业, 项目, 产业); official Chinese
 * repeats the noun rather than a pronoun, so those need twice as many
 * repeats before they are reported.
 */
export const WORDING = set(`
推进 推动 加强 加快 提升 提高 强化 完善 促进 落实 保持 坚持 确保 发挥 抓好 做好 深化 优化 形成 建立 健全 构建
增强 达到 实现 打造 实施 加大 狠抓 紧抓 抓住 聚焦 围绕 突出 注重 着眼 立足 坚定 主动 有力 有序 显著 明显
引导 鼓励 支持 帮助 营造 激发 培育 引进 引领 带动 助推 助力 赋能 贯彻 领会 把握 解决 破解 攻坚 统筹 协调
融合 对接 提供 增加 减少 降低 扩大 拓展 拓宽 延伸 夯实 筑牢 压实 推行 推广 弘扬 彰显 体现 展现 呈现 取得
获得 赢得 提出 部署 谋划 重要 重大 关键 根本 良好 坚强 高效 优质 深刻 广泛 更大 更好 更多 不错 成功 努力
抓实 抓细 抓紧 抓牢 狠抓 用好 管好 建好 办好 搞好 守好 稳住 守住 盯住 紧盯 紧扣 瞄准 对标 看齐 争取 力争
务求 确立 树立 牢固 树牢 牢记 践行 担当 作为 奋斗 奋进 开创 开拓 创造 迈出 迈进 跃升 提质 增效 升级 转型
保证 维护 巩固 拓展 深耕 突破 补齐 补上 化解 防范 应对 防控 整治 治理 规范 改进 改善 调整 转变 转化 释放
`);

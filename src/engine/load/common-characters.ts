// Everyday characters of Chinese and Korean text (frequent words, business-export headers, family
// names), to tell GBK from EUC-KR: Korean bytes are valid GBK hanzi and the reverse, but decoded in
// the wrong encoding the characters are a random draw, rarely everyday ones.

/** Frequent simplified hanzi: function words, export headers (客户 订单 金额 日期 ...), family names. */
export const commonHanzi = new Set(
  "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作" +
    "方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知己把现样长它些意开外问实身被因等最但向头全别" +
    "机使力正给间点部理内女由加文本老回情位合名重次并相社场体高客户订单金额期称编号数量价格商品地址电话城市省区司限销售产类型状" +
    "态支付店门会员姓龄性男元总计码备注月北京海广州深圳张王李刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘蒋" +
    "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤物收" +
    "入业务额折扣费用户号码类别渠道来源华联东明珠贸易科技集团网购退货运送达交易流水账结算余利润成本库存批次规格单位税率发票",
);

/** Frequent hangul syllables: particles and endings, export headers (고객 번호 이름 주소 금액 ...), names, places. */
export const commonHangul = new Set(
  "이다의는에을하고가로지기서사한리자도인수대어를정으일주시아나구해전상스부장제보게원들성라과국동여비우적것니면문있화위연되요" +
    "방그소만조무유경생신저내실공관중안세마회용개까년계업금말분치번호름객액명품량격날짜매출판재김박최강윤임오권황송류홍양손배백허" +
    "남심노곽차민준영현진철희숙은혜미울산광역특별군읍길층학교센터점포결제카드현금할인배송주문상품코드수량단가합계총",
);

/** The share of the non-ASCII characters of `text` that are in `common`. */
export function commonShare(text: string, common: ReadonlySet<string>): number {
  let all = 0;
  let hits = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    all++;
    if (common.has(ch)) hits++;
  }
  return all ? hits / all : 0;
}

// The words the generator draws from: places, organisations, people, the product catalogue,
// chassis, and fault descriptions by fault category. Realistic for a maker of sanitation trucks
// and fire engines in north-east China (the seed's company); none of it names a real customer.
#pragma once

#include "row_random.h"

namespace aftersales::bench::vocabulary {

struct Province {
  const char* region;     // the customer's region column: 辽宁
  const char* full_name;  // in addresses: 辽宁省 ("" for a municipality, whose city says it)
  const char* plate;      // first character of a plate: 辽
};

inline constexpr Province kProvinces[] = {
    {"辽宁", "辽宁省", "辽"},
    {"吉林", "吉林省", "吉"},
    {"河北", "河北省", "冀"},
    {"黑龙江", "黑龙江省", "黑"},
    {"内蒙古", "内蒙古自治区", "蒙"},
    {"山东", "山东省", "鲁"},
    {"北京", "", "京"},
    {"天津", "", "津"},
};

struct City {
  const char* name;    // 鞍山 (名称 without 市)
  const char* pinyin;  // for e-mail addresses
  int province;        // index into kProvinces
  const char* area_code;
  char plate_letter;  // 辽C: the letter after the province character
  int weight;         // how often customers are there (the maker sells mostly in 辽宁)
};

inline constexpr City kCities[] = {
    {"沈阳", "shenyang", 0, "024", 'A', 6},        {"大连", "dalian", 0, "0411", 'B', 6},
    {"鞍山", "anshan", 0, "0412", 'C', 8},         {"抚顺", "fushun", 0, "0413", 'D', 3},
    {"本溪", "benxi", 0, "0414", 'E', 3},          {"丹东", "dandong", 0, "0415", 'F', 3},
    {"锦州", "jinzhou", 0, "0416", 'G', 3},        {"营口", "yingkou", 0, "0417", 'H', 3},
    {"阜新", "fuxin", 0, "0418", 'J', 2},          {"辽阳", "liaoyang", 0, "0419", 'K', 3},
    {"盘锦", "panjin", 0, "0427", 'L', 2},         {"铁岭", "tieling", 0, "0410", 'M', 2},
    {"朝阳", "chaoyang", 0, "0421", 'N', 2},       {"葫芦岛", "huludao", 0, "0429", 'P', 2},
    {"长春", "changchun", 1, "0431", 'A', 4},      {"吉林", "jilin", 1, "0432", 'B', 2},
    {"四平", "siping", 1, "0434", 'C', 1},         {"通化", "tonghua", 1, "0435", 'E', 1},
    {"白山", "baishan", 1, "0439", 'F', 1},        {"松原", "songyuan", 1, "0438", 'J', 1},
    {"白城", "baicheng", 1, "0436", 'G', 1},       {"延吉", "yanji", 1, "0433", 'H', 1},
    {"石家庄", "shijiazhuang", 2, "0311", 'A', 3}, {"唐山", "tangshan", 2, "0315", 'B', 3},
    {"秦皇岛", "qinhuangdao", 2, "0335", 'C', 2},  {"邯郸", "handan", 2, "0310", 'D', 1},
    {"保定", "baoding", 2, "0312", 'F', 2},        {"张家口", "zhangjiakou", 2, "0313", 'G', 1},
    {"承德", "chengde", 2, "0314", 'H', 1},        {"沧州", "cangzhou", 2, "0317", 'J', 1},
    {"廊坊", "langfang", 2, "0316", 'R', 1},       {"衡水", "hengshui", 2, "0318", 'T', 1},
    {"哈尔滨", "haerbin", 3, "0451", 'A', 3},      {"齐齐哈尔", "qiqihaer", 3, "0452", 'B', 1},
    {"牡丹江", "mudanjiang", 3, "0453", 'C', 1},   {"佳木斯", "jiamusi", 3, "0454", 'D', 1},
    {"大庆", "daqing", 3, "0459", 'E', 2},         {"呼和浩特", "huhehaote", 4, "0471", 'A', 1},
    {"包头", "baotou", 4, "0472", 'B', 1},         {"赤峰", "chifeng", 4, "0476", 'D', 1},
    {"通辽", "tongliao", 4, "0475", 'G', 1},       {"济南", "jinan", 5, "0531", 'A', 1},
    {"青岛", "qingdao", 5, "0532", 'B', 2},        {"烟台", "yantai", 5, "0535", 'F', 1},
    {"潍坊", "weifang", 5, "0536", 'G', 1},        {"威海", "weihai", 5, "0631", 'K', 1},
    {"北京", "beijing", 6, "010", 'A', 2},         {"天津", "tianjin", 7, "022", 'A', 2},
};

// What kind of body a customer is; it decides which models it buys.
enum class CustomerKind { kSanitation, kFire, kCompany };

inline constexpr Weighted<CustomerKind> kCustomerKinds[] = {
    {CustomerKind::kSanitation, 50}, {CustomerKind::kFire, 25}, {CustomerKind::kCompany, 25}};

// Name patterns (fmt named arguments {city}, {brand}, {unit}) by customer kind.
inline constexpr Weighted<const char*> kSanitationNames[] = {
    {"{city}市环境卫生管理处", 10},
    {"{city}市{unit}环境卫生管理所", 5},
    {"{city}市城市管理局", 6},
    {"{city}市市容环境卫生服务中心", 6},
    {"{city}市市政工程公司", 6},
    {"{city}{brand}环卫服务有限公司", 12},
    {"{city}{brand}环境工程有限公司", 5},
};
inline constexpr Weighted<const char*> kFireNames[] = {
    {"{city}市消防救援支队", 10},
    {"{city}市消防救援支队{unit}大队", 8},
    {"{city}{brand}石化有限公司专职消防队", 4},
    {"{city}{brand}化工园区消防站", 3},
};
inline constexpr Weighted<const char*> kCompanyNames[] = {
    {"{city}{brand}物流有限公司", 8},
    {"{city}{brand}建设工程有限公司", 7},
    {"{city}{brand}市政园林有限公司", 5},
    {"{city}{brand}机械设备租赁有限公司", 5},
};
inline constexpr const char* kBrands[] = {
    "宏达", "鑫源", "恒通", "兴业", "华泰", "金鹏", "瑞丰", "顺通", "永盛", "天成",
    "博远", "中鼎", "汇通", "鸿运", "盛世", "东方", "北方", "远航", "万通", "新宇",
    "立信", "众诚", "德润", "泰和", "嘉禾", "广源", "昌隆", "华兴", "金石", "海川"};
inline constexpr const char* kSubUnits[] = {"特勤", "开发区", "高新区",         "城东", "城西",
                                            "城南", "城北",   "经济技术开发区", "港区"};

inline constexpr const char* kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐",   "孙",   "胡",
    "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢",   "韩",   "唐",
    "冯", "于", "董", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾",   "彭",   "吕",
    "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "潘",   "杜",   "戴",
    "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭",   "廖",   "邹",
    "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "史",   "顾",   "侯",
    "邵", "孟", "万", "段", "尹", "常", "武", "乔", "贺", "龚", "欧阳", "司马", "诸葛"};
inline constexpr const char* kGivenNames[] = {
    "伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强",   "磊",   "军",   "洋",   "勇",
    "艳",   "杰",   "娟",   "涛",   "明",   "超",   "霞",   "平",   "刚",   "辉",   "鹏",
    "华",   "飞",   "斌",   "宇",   "浩",   "凯",   "健",   "俊",   "旭",   "宁",   "龙",
    "林",   "阳",   "亮",   "成",   "东",   "波",   "峰",   "晶",   "颖",   "玲",   "红",
    "建华", "建国", "志强", "海燕", "红梅", "晓东", "立新", "玉兰", "春生", "国庆", "德明",
    "宏伟", "少华", "永刚", "秀英", "桂英", "文博", "子涵", "雨萱", "浩然", "宇航", "思远",
    "国华", "振宇", "丽娟", "晓燕", "建军", "卫东", "志刚", "海涛", "金龙", "秀兰", "凤霞",
    "明杰", "天宇", "淑珍", "玉珍", "长青", "铁军", "振华", "庆丰", "福生", "春燕", "雪梅"};
// How a clerk writes down a contact whose given name she did not catch: 王工, 李科长.
inline constexpr const char* kTitles[] = {"工", "科长", "主任", "队长", "经理", "师傅", "处长"};

inline constexpr const char* kMobilePrefixes[] = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "156", "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199"};

inline constexpr const char* kRoads[] = {
    "人民路",   "解放路",   "中山路",   "胜利路", "建设大街", "和平路",   "新华路",
    "站前街",   "工业街",   "友谊大街", "长江路", "黄河路",   "北京路",   "环城东路",
    "滨海路",   "建国路",   "光明街",   "迎宾路", "振兴路",   "青年大街", "钢都大道",
    "千山西路", "铁西三路", "团结路",   "南京街", "东风路",   "繁荣街",   "朝阳大街"};

// The product catalogue: models row i is kCatalogue[i % size], suffixed for i >= size.
struct CatalogueModel {
  const char* code;
  const char* name;
  const char* category;  // rules.lists.model_categories: sanitation, fire, other
  int warranty_months;
  int warranty_km;  // 0: none
  int maintenance_days;
  const char* configuration;  // the first item of 主要配置
  int chassis_class;          // 0 light, 1 medium, 2 heavy
};

inline constexpr CatalogueModel kCatalogue[] = {
    {"HYS5160TXS", "洗扫车", "sanitation", 12, 50000, 90, "8吨洗扫, 副发动机江铃JX493", 1},
    {"HYS5180TXS", "洗扫车", "sanitation", 12, 50000, 90, "10吨洗扫, 副发动机康明斯4BTA3.9", 2},
    {"HYS5080TSL", "扫路车", "sanitation", 12, 30000, 90, "4吨扫路, 四扫盘", 0},
    {"HYS5180GSS", "洒水车", "sanitation", 12, 60000, 180, "水罐10立方", 1},
    {"HYS5250GSS", "洒水车", "sanitation", 12, 60000, 180, "水罐15立方", 2},
    {"HYS5160GQX", "清洗车", "sanitation", 12, 50000, 120, "高压清洗, 水罐8立方", 1},
    {"HYS5180TDY", "多功能抑尘车", "sanitation", 12, 50000, 120, "雾炮射程60米", 1},
    {"HYS5120ZYS", "压缩式垃圾车", "sanitation", 18, 0, 90, "压缩箱8立方", 0},
    {"HYS5180ZYS", "压缩式垃圾车", "sanitation", 18, 0, 90, "压缩箱14立方", 1},
    {"HYS5070ZZZ", "自装卸式垃圾车", "sanitation", 12, 30000, 180, "挂桶提升", 0},
    {"HYS5160ZXX", "车厢可卸式垃圾车", "sanitation", 12, 50000, 180, "拉臂钩式", 1},
    {"HYS5120GXW", "吸污车", "sanitation", 12, 40000, 120, "罐体5立方, 真空泵", 0},
    {"HYS5180TCX", "除雪车", "sanitation", 12, 0, 180, "推雪铲3.5米, 撒布机", 1},
    {"HYS5040XTY", "密闭式桶装垃圾车", "sanitation", 12, 30000, 180, "厢体3立方", 0},
    {"HYS5100TYH", "路面养护车", "sanitation", 12, 40000, 180, "热再生修补", 0},
    {"HYS5320GXFSG", "水罐消防车", "fire", 24, 0, 180, "水罐16吨", 2},
    {"HYS5190GXFSG80", "水罐消防车", "fire", 24, 0, 180, "水罐8吨", 1},
    {"HYS5280GXFPM120", "泡沫消防车", "fire", 24, 0, 180, "水罐9吨, 泡沫罐3吨", 2},
    {"HYS5150GXFPM50", "泡沫消防车", "fire", 24, 0, 180, "水罐4吨, 泡沫罐1吨", 1},
    {"HYS5320JXFJP18", "举高喷射消防车", "fire", 24, 0, 90, "举高18米", 2},
    {"HYS5140TXFJY", "抢险救援消防车", "fire", 24, 0, 180, "救援器材120件", 1},
    {"HYS5110TXFQC", "器材消防车", "fire", 24, 0, 180, "器材箱6个", 0},
    {"HYS5130TXFZM", "照明消防车", "fire", 24, 0, 180, "升降照明灯4x1000W", 1},
    {"HYS5230GXFAP", "压缩空气泡沫消防车", "fire", 24, 0, 180, "CAFS系统", 2},
    {"HYS5330GXFGP", "干粉泡沫联用消防车", "fire", 24, 0, 180, "干粉2吨, 泡沫4吨", 2},
    {"HYS9400TDP", "低平板半挂车", "other", 12, 100000, 180, "载重40吨", 2},
    {"HYS5040XGC", "工程车", "other", 12, 60000, 180, "工具柜, 发电机", 0},
};

// Model codes of later generations: models row i >= size gets kCatalogue[i % size].code plus
// the (i / size)-th suffix (chassis maker and emission stage), then "-N" beyond the list.
inline constexpr const char* kModelSuffixes[] = {"D6", "Z6", "J6", "F6", "D5", "Z5",
                                                 "J5", "F5", "DL", "ZL", "JL", "FL"};

struct Chassis {
  const char* name;           // in 主要配置: 东风天锦底盘
  const char* wmi;            // first three characters of its VIN
  const char* engine;         // in 主要配置: 康明斯ISD210
  const char* engine_prefix;  // of its engine numbers
};

inline constexpr Chassis kChassis[3][5] = {
    {{"东风多利卡", "LGA", "康明斯ISF3.8", "ISF"},
     {"江淮骏铃", "LJ1", "江淮HFC4DA1", "HFC4DA"},
     {"福田奥铃", "LVB", "福田4J28TC", "4J28"},
     {"庆铃五十铃", "LWL", "五十铃4KH1", "4KH1"},
     {"东风凯普特", "LGD", "云内D30TCIF", "D30"}},
    {{"东风天锦", "LGA", "康明斯ISD210", "ISD"},
     {"解放J6L", "LFW", "锡柴CA4DK1", "CA4DK"},
     {"重汽豪沃T5G", "LZZ", "重汽MC05", "MC05"},
     {"福田欧马可", "LVB", "康明斯ISF4.5", "ISF"},
     {"陕汽轩德", "LZG", "玉柴YCS04", "YCS04"}},
    {{"重汽豪沃", "LZZ", "重汽MC07", "MC07"},
     {"解放J6P", "LFW", "锡柴CA6DM2", "CA6DM"},
     {"陕汽德龙", "LZG", "潍柴WP10", "WP10"},
     {"东风天龙", "LGA", "东风DCi11", "DCI"},
     {"奔驰Actros", "WDB", "奔驰OM460", "OM460"}},
};

// Second items of 主要配置 by model category.
inline constexpr const char* kSanitationExtras[] = {"副发动机江铃JX493",
                                                    "副发动机康明斯4BTA3.9",
                                                    "尘箱7立方",
                                                    "水箱5立方",
                                                    "四扫盘",
                                                    "后洒水装置",
                                                    "侧喷杆",
                                                    "倒车影像",
                                                    "集中润滑",
                                                    "液压驱动风机"};
inline constexpr const char* kFireExtras[] = {
    "消防泵CB10/60", "消防泵CB10/40", "消防泵CB20.10/30.60", "消防炮PS40", "消防炮PS50",
    "泡沫炮PL48",    "电控炮",        "自动排水阀",          "警灯警报器", "车载电台"};
inline constexpr const char* kOtherExtras[] = {"ABS", "GPS定位", "倒车影像", "液压支腿",
                                               "加高栏板"};

// 服务条款 by model category: fmt named arguments {months} and {km} (万公里).
inline constexpr const char* kSanitationTerms[] = {
    "整车保修{months}个月或{km}万公里（以先到为准）", "底盘按主机厂三包政策, 上装保修{months}个月",
    "上装保修{months}个月，易损件不在保修范围",
    "保修{months}个月; 保养按说明书执行, 每年免费巡检两次"};
inline constexpr const char* kSanitationTermsNoKm[] = {
    "整车保修{months}个月", "底盘按主机厂三包政策, 上装保修{months}个月",
    "上装保修{months}个月，液压油缸、压缩机构另保{months}个月"};
inline constexpr const char* kFireTerms[] = {
    "整车质保{months}个月，消防泵、消防炮质保{months}个月，终身技术支持",
    "按政府采购合同: 质保{months}个月, 每季度巡检一次",
    "底盘按主机厂三包, 上装质保{months}个月, 24小时响应"};
inline constexpr const char* kOtherTerms[] = {"整车保修{months}个月或{km}万公里",
                                              "按合同约定, 保修{months}个月"};

// Faults (表3 故障类别, the rules' default list) by model category: how often each comes up.
inline constexpr Weighted<const char*> kSanitationFaults[] = {
    {"底盘", 12}, {"发动机", 14}, {"液压系统", 18}, {"电气系统", 14},
    {"上装", 22}, {"水泵", 8},    {"罐体", 4},      {"其他", 8}};
inline constexpr Weighted<const char*> kFireFaults[] = {
    {"底盘", 10}, {"发动机", 12}, {"液压系统", 6}, {"电气系统", 14}, {"上装", 10},
    {"水泵", 18}, {"消防炮", 14}, {"罐体", 8},     {"其他", 8}};
inline constexpr Weighted<const char*> kOtherFaults[] = {
    {"底盘", 25}, {"发动机", 20}, {"液压系统", 15}, {"电气系统", 15}, {"上装", 10}, {"其他", 15}};

struct FaultTexts {
  const char* category;        // the fault category
  const char* model_category;  // sanitation, fire, other; nullptr: any model
  const char* texts[10];       // nullptr-terminated when shorter
};

// Fault descriptions: the first entry matching both the category and the model's category, else
// the first for the category alone.
inline constexpr FaultTexts kFaultTexts[] = {
    {"底盘",
     nullptr,
     {"刹车跑偏", "转向沉重", "离合器打滑", "变速箱挂挡困难", "后桥异响", "轮胎偏磨",
      "钢板弹簧断裂, 需更换", "驻车制动失灵", "传动轴抖动", "气压上不去，制动报警"}},
    {"发动机",
     nullptr,
     {"发动机, 冒黑烟", "发动机启动困难", "水温过高", "机油压力低报警", "怠速不稳", "动力不足",
      "排放故障灯亮", "尿素泵报警, 限扭", "发动机漏机油", "涡轮增压器异响"}},
    {"液压系统",
     "sanitation",
     {"液压泵异响", "液压油温过高", "油缸漏油", "举升无力", "多路阀卡滞", "液压管爆裂, 漏油严重",
      "垃圾箱举升缓慢", "推板不动作", "扫盘升降无力"}},
    {"液压系统",
     "fire",
     {"液压泵异响", "支腿收不回", "臂架下沉", "液压管爆裂, 漏油严重", "油缸漏油", "多路阀卡滞"}},
    {"液压系统", nullptr, {"液压泵异响", "支腿收不回", "油缸漏油", "举升无力"}},
    {"电气系统",
     nullptr,
     {"仪表无显示", "控制面板黑屏", "警灯不亮", "电瓶亏电", "CAN总线通讯故障",
      "倒车影像无图像, 蜂鸣器常响", "保险丝频繁烧断", "作业灯不亮", "遥控器无反应"}},
    {"上装",
     "sanitation",
     {"扫盘不转", "吸口堵塞", "风机振动大", "垃圾箱门关不严", "压缩机构卡滞", "喷嘴堵塞",
      "副发动机无法启动, 报警灯常亮", "箱体焊缝开裂", "雾炮不摆动", "洒水喷头堵塞"}},
    {"上装",
     "fire",
     {"器材箱门锁损坏", "卷帘门卡住", "照明灯升不起来, 升降杆卡住", "梯架异响", "器材箱进水",
      "水带盘绕装置损坏", "箱体焊缝开裂"}},
    {"上装", nullptr, {"箱体焊缝开裂", "工具柜门关不严", "栏板变形", "爬梯松动"}},
    {"水泵",
     "sanitation",
     {"水泵不出水", "水泵压力不足", "水泵异响", "高压水泵漏水", "取力器挂不上",
      "真空泵不引水, 压力表无读数"}},
    {"水泵",
     nullptr,
     {"水泵不出水", "水泵压力不足", "水泵异响", "取力器挂不上", "真空泵不引水, 压力表无读数",
      "水泵密封漏水", "出水阀关不严"}},
    {"消防炮",
     nullptr,
     {"消防炮不能转动", "消防炮射程不足", "电控炮无响应", "炮座漏水", "遥控器失灵, 手动可用",
      "消防炮俯仰卡滞"}},
    {"罐体",
     "fire",
     {"罐体渗漏", "液位计不准", "泡沫罐出口阀卡死", "人孔盖密封不严", "罐体防波板脱焊"}},
    {"罐体", nullptr, {"罐体渗漏", "罐体锈蚀", "液位计不准", "人孔盖密封不严", "罐体防波板脱焊"}},
    {"其他",
     nullptr,
     {"车门关不严", "空调不制冷", "座椅调节失灵", "随车工具缺失", "漆面起泡", "玻璃升降器损坏",
      "需要操作培训", "咨询保养周期"}},
};

// Said before a fault: when it happens.
inline constexpr const char* kFaultContexts[] = {
    "作业时", "冷车启动后", "雨天", "满载时", "出车途中", "保养后", "连续作业两小时后", "今早"};
// A second line of the description (an embedded line break in the cell).
inline constexpr const char* kFaultFollowUps[] = {"已电话指导, 未解决", "司机反映昨天开始出现",
                                                  "现场照片已发邮箱",   "车辆停在单位院内",
                                                  "客户要求尽快派人",   "上次维修后又出现"};
// What the customer stressed, quoted: （客户说"很急"）.
inline constexpr const char* kCustomerQuotes[] = {"（客户说\"很急\"）", "，客户称\"明天要出车\"",
                                                  "（调度说\"等着用车\"）",
                                                  "，原话：\"一启动就响\""};

}  // namespace aftersales::bench::vocabulary

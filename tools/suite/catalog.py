"""What the suite is made of: subjects (emoji codepoints), scenes (photographs), colours, backgrounds, styles.

Each entry carries its English and Chinese wording; Chinese names include the measure word.
"""
from collections import namedtuple

Subject = namedtuple("Subject", "slug codepoints kind en article zh measure")
Scene = namedtuple("Scene", "slug file en zh ground")
Colour = namedtuple("Colour", "slug en zh rgb")
Style = namedtuple("Style", "slug en zh en_look zh_look")


def _s(kind, rows):
    return [Subject(slug, cp, kind, en, art, zh, m) for slug, cp, en, art, zh, m in rows]


CHARACTERS = _s("character", [
    ("robot", "1f916", "robot", "a", "机器人", "个"),
    ("cat", "1f431", "cat", "a", "小猫", "只"),
    ("dog", "1f436", "dog", "a", "小狗", "只"),
    ("fox", "1f98a", "fox", "a", "狐狸", "只"),
    ("panda", "1f43c", "panda", "a", "熊猫", "只"),
    ("frog", "1f438", "frog", "a", "青蛙", "只"),
    ("unicorn", "1f984", "unicorn", "a", "独角兽", "只"),
    ("penguin", "1f427", "penguin", "a", "企鹅", "只"),
    ("owl", "1f989", "owl", "an", "猫头鹰", "只"),
    ("ghost", "1f47b", "ghost", "a", "小幽灵", "个"),
    ("alien", "1f47d", "alien", "an", "外星人", "个"),
    ("lion", "1f981", "lion", "a", "狮子", "只"),
    ("monkey", "1f435", "monkey", "a", "猴子", "只"),
    ("bear", "1f43b", "bear", "a", "棕熊", "只"),
    ("rabbit", "1f430", "rabbit", "a", "兔子", "只"),
    ("tiger", "1f42f", "tiger", "a", "老虎", "只"),
    ("koala", "1f428", "koala", "a", "考拉", "只"),
    ("trex", "1f996", "T-rex", "a", "霸王龙", "只"),
    ("octopus", "1f419", "octopus", "an", "章鱼", "只"),
    ("snowman", "26c4", "snowman", "a", "雪人", "个"),
    ("turtle", "1f422", "turtle", "a", "乌龟", "只"),
    ("butterfly", "1f98b", "butterfly", "a", "蝴蝶", "只"),
    ("bee", "1f41d", "bee", "a", "蜜蜂", "只"),
])

OBJECTS = _s("object", [
    ("apple", "1f34e", "apple", "an", "苹果", "个"),
    ("guitar", "1f3b8", "guitar", "a", "吉他", "把"),
    ("umbrella", "2602-fe0f", "umbrella", "an", "雨伞", "把"),
    ("teapot", "1fad6", "teapot", "a", "茶壶", "个"),
    ("backpack", "1f392", "backpack", "a", "书包", "个"),
    ("football", "26bd", "football", "a", "足球", "个"),
    ("basketball", "1f3c0", "basketball", "a", "篮球", "个"),
    ("balloon", "1f388", "balloon", "a", "气球", "个"),
    ("gift", "1f381", "gift box", "a", "礼物盒", "个"),
    ("clock", "23f0", "alarm clock", "an", "闹钟", "个"),
    ("bicycle", "1f6b2", "bicycle", "a", "自行车", "辆"),
    ("car", "1f697", "car", "a", "小汽车", "辆"),
    ("rocket", "1f680", "rocket", "a", "火箭", "枚"),
    ("coffee", "2615", "cup of coffee", "a", "咖啡", "杯"),
    ("cake", "1f382", "birthday cake", "a", "生日蛋糕", "个"),
    ("books", "1f4da", "stack of books", "a", "书", "摞"),
    ("camera", "1f4f7", "camera", "a", "相机", "台"),
    ("crown", "1f451", "crown", "a", "皇冠", "顶"),
    ("plant", "1fab4", "potted plant", "a", "盆栽", "盆"),
    ("bulb", "1f4a1", "light bulb", "a", "灯泡", "个"),
    ("sunflower", "1f33b", "sunflower", "a", "向日葵", "朵"),
    ("pizza", "1f355", "slice of pizza", "a", "披萨", "块"),
    ("teddy", "1f9f8", "teddy bear", "a", "泰迪熊玩偶", "个"),
    ("trophy", "1f3c6", "trophy", "a", "奖杯", "座"),
    ("glasses", "1f453", "pair of glasses", "a", "眼镜", "副"),
    ("tophat", "1f3a9", "top hat", "a", "礼帽", "顶"),
    ("kite", "1fa81", "kite", "a", "风筝", "只"),
    ("watermelon", "1f349", "slice of watermelon", "a", "西瓜", "块"),
    ("laptop", "1f4bb", "laptop", "a", "笔记本电脑", "台"),
    ("cupcake", "1f9c1", "cupcake", "a", "纸杯蛋糕", "个"),
    ("lollipop", "1f36d", "lollipop", "a", "棒棒糖", "根"),
    ("house", "1f3e0", "house", "a", "小房子", "座"),
    ("compass", "1f9ed", "compass", "a", "指南针", "个"),
    ("candle", "1f56f-fe0f", "candle", "a", "蜡烛", "支"),
    ("ufo", "1f6f8", "flying saucer", "a", "飞碟", "个"),
])

# ground: the y (in 512 px output) where subjects standing in the scene rest.
SCENES = [
    Scene("dune", "nature/Dune.jpg", "a sandy dune with tall dry grass beside the sea", "海边长满干草的沙丘", 430),
    Scene("storm", "nature/Storm.jpg", "an empty road under a dark stormy sky", "暴风雨天空下空旷的公路", 440),
    Scene("meadow", "nature/GreenMeadow.jpg", "a field of fresh green grass", "一片嫩绿的草地", 420),
    Scene("deck", "nature/Wood.jpg", "a weathered pale wooden deck", "一块风化的浅色木板平台", 430),
    Scene("garden", "nature/Garden.jpg", "a garden with a bright red marigold", "开着红色万寿菊的花园", 440),
    Scene("leaf", "nature/Blinds.jpg", "a close-up of a huge green leaf", "一片巨大绿叶的特写", 420),
    Scene("raindrops", "nature/RainDrops.jpg", "green leaves covered with raindrops", "挂满雨滴的绿叶", 430),
    Scene("water", "nature/Aqua.jpg", "a water surface with a splashing drop", "溅起水花的水面", 440),
]

COLOURS = [
    Colour("red", "red", "红色", (214, 48, 49)),
    Colour("blue", "blue", "蓝色", (41, 98, 214)),
    Colour("green", "green", "绿色", (39, 160, 72)),
    Colour("purple", "purple", "紫色", (138, 66, 196)),
    Colour("yellow", "golden yellow", "金黄色", (238, 188, 32)),
    Colour("pink", "pink", "粉色", (236, 112, 166)),
    Colour("orange", "orange", "橙色", (240, 132, 36)),
    Colour("teal", "teal", "青绿色", (24, 150, 150)),
]

BACKGROUNDS = [
    Colour("white", "white", "白色", (255, 255, 255)),
    Colour("grey", "light grey", "浅灰色", (228, 228, 228)),
    Colour("paleblue", "pale blue", "淡蓝色", (208, 226, 244)),
    Colour("paleyellow", "pale yellow", "淡黄色", (250, 240, 198)),
    Colour("mint", "mint green", "薄荷绿色", (208, 240, 222)),
    Colour("peach", "peach", "浅桃色", (250, 224, 208)),
]

STYLES = [
    Style("grayscale", "black and white", "黑白", "as a black-and-white image with no colour at all", "画成完全没有色彩的黑白效果"),
    Style("sepia", "sepia", "棕褐色调", "in a warm sepia tone, like an old photograph", "处理成温暖的棕褐色调，像一张老照片"),
    Style("poster", "poster", "海报风格", "as a flat poster with only a few bold colour levels", "处理成只有少数几种浓烈色阶的扁平海报风格"),
    Style("pixel", "pixel art", "像素风", "as pixel art with large, clearly visible square pixels", "画成像素风，方形像素块清晰可见"),
    Style("sketch", "pencil sketch", "铅笔素描", "as a grey pencil sketch that keeps only the outlines", "画成只保留轮廓线条的灰色铅笔素描"),
]

SIZES = {  # slug: (px of the longer side in the 512 output, en, zh)
    "small": (120, "small", "小一些"),
    "medium": (180, "medium-sized", "中等大小"),
    "large": (250, "large", "大一些"),
}

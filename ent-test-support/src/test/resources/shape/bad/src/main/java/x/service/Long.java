package x.service;

public class Long {

    int sum() {
        int total = 0;
        total += 0;
        total += 1;
        total += 2;
        total += 3;
        total += 4;
        total += 5;
        total += 6;
        total += 7;
        total += 8;
        total += 9;
        total += 10;
        total += 11;
        total += 12;
        total += 13;
        total += 14;
        total += 15;
        total += 16;
        total += 17;
        total += 18;
        total += 19;
        total += 20;
        total += 21;
        total += 22;
        total += 23;
        total += 24;
        total += 25;
        total += 26;
        total += 27;
        total += 28;
        total += 29;
        total += 30;
        total += 31;
        total += 32;
        total += 33;
        total += 34;
        total += 35;
        total += 36;
        total += 37;
        total += 38;
        total += 39;
        total += 40;
        total += 41;
        total += 42;
        total += 43;
        total += 44;
        total += 45;
        total += 46;
        total += 47;
        total += 48;
        total += 49;
        total += 50;
        total += 51;
        total += 52;
        total += 53;
        total += 54;
        total += 55;
        total += 56;
        total += 57;
        total += 58;
        total += 59;
        total += 60;
        total += 61;
        total += 62;
        total += 63;
        total += 64;
        total += 65;
        total += 66;
        total += 67;
        total += 68;
        total += 69;
        return total;
    }
    // filler line 0
    // filler line 1
    // filler line 2
    // filler line 3
    // filler line 4
    // filler line 5
    // filler line 6
    // filler line 7
    // filler line 8
    // filler line 9
    // filler line 10
    // filler line 11
    // filler line 12
    // filler line 13
    // filler line 14
    // filler line 15
    // filler line 16
    // filler line 17
    // filler line 18
    // filler line 19
    // filler line 20
    // filler line 21
    // filler line 22
    // filler line 23
    // filler line 24
    // filler line 25
    // filler line 26
    // filler line 27
    // filler line 28
    // filler line 29
    // filler line 30
    // filler line 31
    // filler line 32
    // filler line 33
    // filler line 34
    // filler line 35
    // filler line 36
    // filler line 37
    // filler line 38
    // filler line 39
    // filler line 40
    // filler line 41
    // filler line 42
    // filler line 43
    // filler line 44
    // filler line 45
    // filler line 46
    // filler line 47
    // filler line 48
    // filler line 49
    // filler line 50
    // filler line 51
    // filler line 52
    // filler line 53
    // filler line 54
    // filler line 55
    // filler line 56
    // filler line 57
    // filler line 58
    // filler line 59
    // filler line 60
    // filler line 61
    // filler line 62
    // filler line 63
    // filler line 64
    // filler line 65
    // filler line 66
    // filler line 67
    // filler line 68
    // filler line 69
    // filler line 70
    // filler line 71
    // filler line 72
    // filler line 73
    // filler line 74
    // filler line 75
    // filler line 76
    // filler line 77
    // filler line 78
    // filler line 79
    // filler line 80
    // filler line 81
    // filler line 82
    // filler line 83
    // filler line 84
    // filler line 85
    // filler line 86
    // filler line 87
    // filler line 88
    // filler line 89
    // filler line 90
    // filler line 91
    // filler line 92
    // filler line 93
    // filler line 94
    // filler line 95
    // filler line 96
    // filler line 97
    // filler line 98
    // filler line 99
    // filler line 100
    // filler line 101
    // filler line 102
    // filler line 103
    // filler line 104
    // filler line 105
    // filler line 106
    // filler line 107
    // filler line 108
    // filler line 109
    // filler line 110
    // filler line 111
    // filler line 112
    // filler line 113
    // filler line 114
    // filler line 115
    // filler line 116
    // filler line 117
    // filler line 118
    // filler line 119
    // filler line 120
    // filler line 121
    // filler line 122
    // filler line 123
    // filler line 124
    // filler line 125
    // filler line 126
    // filler line 127
    // filler line 128
    // filler line 129
    // filler line 130
    // filler line 131
    // filler line 132
    // filler line 133
    // filler line 134
    // filler line 135
    // filler line 136
    // filler line 137
    // filler line 138
    // filler line 139
    // filler line 140
    // filler line 141
    // filler line 142
    // filler line 143
    // filler line 144
    // filler line 145
    // filler line 146
    // filler line 147
    // filler line 148
    // filler line 149
    // filler line 150
    // filler line 151
    // filler line 152
    // filler line 153
    // filler line 154
    // filler line 155
    // filler line 156
    // filler line 157
    // filler line 158
    // filler line 159
    // filler line 160
    // filler line 161
    // filler line 162
    // filler line 163
    // filler line 164
    // filler line 165
    // filler line 166
    // filler line 167
    // filler line 168
    // filler line 169
    // filler line 170
    // filler line 171
    // filler line 172
    // filler line 173
    // filler line 174
    // filler line 175
    // filler line 176
    // filler line 177
    // filler line 178
    // filler line 179
    // filler line 180
    // filler line 181
    // filler line 182
    // filler line 183
    // filler line 184
    // filler line 185
    // filler line 186
    // filler line 187
    // filler line 188
    // filler line 189
    // filler line 190
    // filler line 191
    // filler line 192
    // filler line 193
    // filler line 194
    // filler line 195
    // filler line 196
    // filler line 197
    // filler line 198
    // filler line 199
}

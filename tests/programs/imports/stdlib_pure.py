# Pure-Python modules of CPython's standard library.
import keyword
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.iskeyword("print"))
print(len(keyword.kwlist), keyword.kwlist[:6], keyword.softkwlist)
import heapq
h = []
for v in (5, 1, 8, 3, 9, 2):
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [7, 2, 9, 4, 1]
heapq.heapify(data)
print(data, heapq.nsmallest(2, [5, 1, 4]), heapq.nlargest(2, [5, 1, 4]), list(heapq.merge([1, 4], [2, 3])))
print(heapq.heappushpop([1, 5], 3), heapq.heapreplace([1, 5], 3))
import bisect
a = [1, 3, 3, 7]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 5)
bisect.insort_left(a, 3)
print(a, bisect.bisect_left(a, 4, key=None))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in (33, 65, 77, 89, 90, 100)])
import colorsys
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4), colorsys.hsv_to_rgb(0.5, 0.5, 0.4), colorsys.rgb_to_hls(1, 0, 0), colorsys.rgb_to_yiq(1, 1, 1))
import stat
print(stat.S_ISDIR(0o040755), stat.S_ISREG(0o100644), stat.filemode(0o100644), stat.filemode(0o040755), stat.S_IMODE(0o100755), stat.S_IFMT(0o100755))
print(keyword.__name__, heapq.__name__, bisect.__name__.upper())

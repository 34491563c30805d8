# OO simulation: particles, springs and a world stepping them with method calls and
# attribute access on ordinary instances.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def length2(self):
        return self.x * self.x + self.y * self.y


class Particle:
    def __init__(self, pid, pos, vel):
        self.pid = pid
        self.pos = pos
        self.vel = vel
        self.hits = 0

    def step(self, dt, world):
        self.pos = self.pos.add(self.vel.scale(dt))
        if self.pos.x < 0 or self.pos.x > world.width:
            self.vel = Vec(-self.vel.x, self.vel.y)
            self.hits += 1
        if self.pos.y < 0 or self.pos.y > world.height:
            self.vel = Vec(self.vel.x, -self.vel.y)
            self.hits += 1

    def energy(self):
        return 0.5 * self.vel.length2()


class World:
    def __init__(self, width, height, n):
        self.width = width
        self.height = height
        self.particles = []
        seed = 12345
        for i in range(n):
            seed = (seed * 1103515245 + 12345) % 2147483648
            x = seed % width
            seed = (seed * 1103515245 + 12345) % 2147483648
            y = seed % height
            self.particles.append(Particle(i, Vec(float(x), float(y)), Vec((i % 7) - 3.0, (i % 5) - 2.0)))

    def tick(self, dt):
        for p in self.particles:
            p.step(dt, self)

    def total_energy(self):
        return sum(p.energy() for p in self.particles)

    def total_hits(self):
        return sum(p.hits for p in self.particles)


world = World(100, 80, 200)
for _ in range(16000):
    world.tick(0.5)
print("hits", world.total_hits(), "energy", world.total_energy())

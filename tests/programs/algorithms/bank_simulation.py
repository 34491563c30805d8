# An OO simulation: accounts, transactions, custom exceptions and a ledger report.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.account = account
        self.amount = amount
class Account:
    next_id = 1
    def __init__(self, owner, balance=0.0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self.balance:.2f})"
class SavingsAccount(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
        self.failed = []
    def open(self, cls, owner, balance=0.0):
        acct = cls(owner, balance)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            self.failed.append(str(e))
            return False
        self.accounts[dst].deposit(amount)
        return True
    def report(self):
        lines = [f"{'id':>3} {'owner':<8} {'type':<15} {'balance':>10}"]
        for acct in sorted(self.accounts.values(), key=lambda a: -a.balance):
            lines.append(f"{acct.id:>3} {acct.owner:<8} {type(acct).__name__:<15} {acct.balance:>10,.2f}")
        total = sum(a.balance for a in self.accounts.values())
        lines.append(f"{'total':>27} {total:>10,.2f}")
        return "\n".join(lines)
bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(SavingsAccount, "bob", 2500)
carol = bank.open(Account, "carol")
print(alice, bob, carol)
seed = 17
for i in range(30):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    src = seed % 3 + 1
    dst = (seed // 3) % 3 + 1
    amount = (seed % 50000) / 100
    if src != dst:
        bank.transfer(src, dst, amount)
print("interest", bob.add_interest())
try:
    carol.deposit(-5)
except ValueError as e:
    print(e)
print(bank.report())
print(len(bank.failed), bank.failed[:3])
print([len(a.history) for a in bank.accounts.values()])

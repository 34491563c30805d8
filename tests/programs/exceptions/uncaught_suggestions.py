# NameError and AttributeError suggestions ("Did you mean ...?").
class Account:
    def __init__(self):
        self.balance = 10

    def deposit(self, amount):
        self.balance += amount

acct = Account()
acct.deposit(5)
print(acct.balance)
try:
    acct.balanse
except AttributeError as e:
    print("message only:", e)
total_amount = 3
print(total_ammount)
